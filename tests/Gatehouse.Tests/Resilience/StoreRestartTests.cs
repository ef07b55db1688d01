using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Gatehouse.Tests.Infrastructure;
using static Gatehouse.Tests.Resilience.ResilienceCalls;

namespace Gatehouse.Tests.Resilience;

/// <summary>
/// PostgreSQL stopped and started again under a running server: while it is down every surface answers 503 with
/// Retry-After in its shape (never a 500, never a hang), and once it is back the server serves again by itself, its
/// caches dropped for what it may have missed.
/// </summary>
[Trait(StoreTrait.Name, StoreTrait.Postgres)]
public sealed class StoreRestartTests
{
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Postgres_down_is_503_with_retry_after_and_the_server_recovers_with_fresh_caches_when_it_returns()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Postgres(postgres.ServerConnectionString));
        var client = await gatehouse.RegisterClientAsync("restart", ("Microsoft Graph", "Application.ReadWrite.All"));
        using var http = Client(gatehouse.Server);
        var token = await AccessTokenAsync(http, client);
        var management = await AccessTokenAsync(http, client, ManagementScope);
        var portal = await AccessTokenAsync(http, client, "74658136-14ec-4630-ad9b-26e160ff0fc6/.default");
        using var dataverse = await DataverseClient.ApplicationUserAsync(gatehouse, "restart-dataverse", "System Administrator");
        var hub = await HubClient.CreateAsync(gatehouse.Store, http);
        using var load = new Load(http, client, token);

        await postgres.StopServerAsync();
        var (tokenDown, graphDown) = await UntilAsync(http, client, token, HttpStatusCode.ServiceUnavailable);
        using var health = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var armDown = await CallAsync(http, HttpMethod.Get, "/tenants?api-version=2022-12-01", management);
        var armError = (await JsonAsync(armDown)).GetProperty("error");
        using var dataverseDown = await dataverse.GetAsync("accounts?$top=1", ("Origin", CrossOrigin.SpaOrigin));
        var dataverseError = (await JsonAsync(dataverseDown)).GetProperty("error");
        using var hubDown = await hub.SendAsync(HttpMethod.Get, "/instances");
        var hubError = await JsonAsync(hubDown);
        using var portalDown = await CallAsync(http, HttpMethod.Post, $"/api/RegisteredApplications/{client.AppId}/Consent?onBehalfOfAll=true", portal);
        var portalError = await JsonAsync(portalDown);
        var downAnswers = (await JsonAsync(tokenDown), await JsonAsync(graphDown));

        await postgres.StartServerAsync();
        var recovery = Stopwatch.StartNew();
        await UntilAsync(http, client, token, HttpStatusCode.OK);
        recovery.Stop();
        var (served, failures, slowest) = await load.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, armDown.StatusCode);
        Assert.True(armDown.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Resource Manager's 503 says when to retry");
        Assert.Equal("ServiceUnavailable", armError.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, dataverseDown.StatusCode);
        Assert.True(dataverseDown.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Dataverse's 503 says when to retry");
        Assert.Equal("0x80040216", dataverseError.GetProperty("code").GetString());
        CrossOrigin.AssertReadable(dataverseDown, "Retry-After");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, hubDown.StatusCode);
        Assert.True(hubDown.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the hub's 503 says when to retry");
        Assert.Single(LinesQuoting(gatehouse.Server, hubError.GetProperty("requestId").GetString()!));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, portalDown.StatusCode);
        Assert.Equal("Microsoft.Portal.Framework.Exceptions.ClientException", portalError.GetProperty("ClassName").GetString());
        Assert.True(tokenDown.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the token endpoint's 503 says when to retry");
        Assert.True(graphDown.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Graph's 503 says when to retry");
        Assert.Equal("temporarily_unavailable", downAnswers.Item1.GetProperty("error").GetString());
        Assert.Equal(90033, downAnswers.Item1.GetProperty("error_codes")[0].GetInt32());
        var graphError = downAnswers.Item2.GetProperty("error");
        var requestId = graphError.GetProperty("innerError").GetProperty("request-id").GetString()!;
        Assert.Equal("serviceNotAvailable", graphError.GetProperty("code").GetString());
        Assert.Contains("The store is out of reach", Assert.Single(LinesQuoting(gatehouse.Server, requestId)));
        Assert.True(recovery.Elapsed < SettleBound, $"recovered in {recovery.Elapsed}");
        Assert.Empty(failures);
        Assert.True(served > 0, "the load ran");
        Assert.True(slowest < RequestBound, $"the slowest request took {slowest}");

        // The caches hold nothing from before: a secret added and one removed after the restart count at once.
        using var added = await CallAsync(http, HttpMethod.Post, $"/v1.0/applications(appId='{client.AppId}')/addPassword", token, new { passwordCredential = new { displayName = "after" } });
        var newSecret = (await JsonAsync(added)).GetProperty("secretText").GetString()!;
        using var removed = await CallAsync(http, HttpMethod.Post, $"/v1.0/applications(appId='{client.AppId}')/removePassword", token, new { keyId = client.SecretKeyId });
        using var withNew = await TokenAsync(http, client.AppId, newSecret);
        using var withOld = await TokenAsync(http, client.AppId, client.Secret);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
    }

    /// <summary>Token and Graph requests until both answer <paramref name="wanted"/>; anything but 200 or 503 fails at once.</summary>
    private static async Task<(HttpResponseMessage Token, HttpResponseMessage Graph)> UntilAsync(
        HttpClient http, RegisteredClient client, string token, HttpStatusCode wanted)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var tokenAnswer = await TokenAsync(http, client.AppId, client.Secret);
            var graphAnswer = await CallAsync(http, HttpMethod.Get, "/v1.0/applications?$select=appId", token);
            Assert.Contains(tokenAnswer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
            Assert.Contains(graphAnswer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
            if ((tokenAnswer.StatusCode, graphAnswer.StatusCode) == (wanted, wanted))
            {
                return (tokenAnswer, graphAnswer);
            }

            tokenAnswer.Dispose();
            graphAnswer.Dispose();
            Assert.True(deadline.Elapsed < SettleBound, $"token and Graph did not both answer {wanted} within {SettleBound}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Four callers asking for tokens and reading Graph the whole time, each answer timed.</summary>
    private sealed class Load : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentBag<string> failures = [];
        private readonly Task<(int Served, TimeSpan Slowest)>[] callers;

        public Load(HttpClient http, RegisteredClient client, string token) =>
            callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => CallerAsync(http, client, token))).ToArray();

        public async Task<(int Served, IReadOnlyCollection<string> Failures, TimeSpan Slowest)> StopAsync()
        {
            await stop.CancelAsync();
            var results = await Task.WhenAll(callers);
            return (results.Sum(r => r.Served), failures, results.Max(r => r.Slowest));
        }

        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }

        private async Task<(int, TimeSpan)> CallerAsync(HttpClient http, RegisteredClient client, string token)
        {
            var (served, slowest) = (0, TimeSpan.Zero);
            while (!stop.IsCancellationRequested)
            {
                var timer = Stopwatch.StartNew();
                try
                {
                    using var answer = served % 2 == 0
                        ? await TokenAsync(http, client.AppId, client.Secret)
                        : await CallAsync(http, HttpMethod.Get, "/v1.0/applications?$top=5", token);
                    if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
                    {
                        failures.Add($"{answer.RequestMessage?.RequestUri}: {(int)answer.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add(e.Message);
                }

                slowest = timer.Elapsed > slowest ? timer.Elapsed : slowest;
                served++;
            }

            return (served, slowest);
        }
    }
}
