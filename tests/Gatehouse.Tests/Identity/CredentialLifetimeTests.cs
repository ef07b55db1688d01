using System.Diagnostics;
using System.Globalization;
using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>Secrets stop working the moment they expire or are removed, with no restart and no stale cache.</summary>
public sealed class CredentialLifetimeTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task Expired_secret_works_just_before_its_end_and_is_rejected_with_AADSTS7000222_just_after()
    {
        var client = await gatehouse.RegisterClientAsync("expiring");
        var end = gatehouse.Clock.GetUtcNow().AddHours(1);
        var secret = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "secret", "add", "--app", client.AppId,
            "--expires", end.ToString("O", CultureInfo.InvariantCulture));
        var value = secret.GetProperty("secretText").GetString()!;

        gatehouse.Clock.Advance(end - gatehouse.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        using (var before = await RequestAsync(client.AppId, value))
        {
            Assert.True(gatehouse.Clock.GetUtcNow() < end);
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        gatehouse.Clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await RequestAsync(client.AppId, value);
        var error = await AadstsResponse.ReadAsync(after);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", 7000222), (error.Status, error.Error, error.Code));
    }

    [Fact]
    public async Task Removed_secret_is_rejected_at_once()
    {
        var client = await gatehouse.RegisterClientAsync("removed");
        using (var primed = await RequestAsync(client.AppId, client.Secret))
        {
            Assert.Equal(HttpStatusCode.OK, primed.StatusCode);
        }

        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "secret", "remove", "--key-id", client.SecretKeyId);
        var refusedAfter = await TimeUntilRefusedAsync(() => RequestAsync(client.AppId, client.Secret), TimeSpan.FromSeconds(1));

        TestContext.Current.SendDiagnosticMessage($"A secret removed by the CLI, outside the server, was refused after {refusedAfter.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task A_secret_added_by_the_CLI_works_the_moment_the_CLI_has_printed_it()
    {
        var client = await gatehouse.RegisterClientAsync("rotating");
        foreach (var round in Enumerable.Range(1, 3))
        {
            // The server has read the client (and its secrets so far) just before the CLI, outside it, adds one.
            using (var primed = await RequestAsync(client.AppId, client.Secret))
            {
                Assert.Equal(HttpStatusCode.OK, primed.StatusCode);
            }

            var added = await GatehouseCli.AddSecretAsync(gatehouse.Store, client.AppId, "1y");
            using var response = await RequestAsync(client.AppId, added.GetProperty("secretText").GetString()!);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Round {round}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    /// <summary>How long after now requests kept succeeding; fails the test if they still succeed after <paramref name="limit"/>.</summary>
    internal static async Task<TimeSpan> TimeUntilRefusedAsync(Func<Task<HttpResponseMessage>> request, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await request();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(7000215, (await AadstsResponse.ReadAsync(response)).Code);
                return clock.Elapsed;
            }

            Assert.True(clock.Elapsed < limit, $"Still issuing tokens {clock.Elapsed.TotalMilliseconds:0} ms after the secret was removed.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private Task<HttpResponseMessage> RequestAsync(string appId, string secret) =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId,
            [new("grant_type", "client_credentials"), new("client_id", appId), new("client_secret", secret), new("scope", "https://graph.microsoft.com/.default")]);
}
