using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Logs;

/// <summary>Sign-ins are saved off the request, yet none is lost: a burst is all there after a clean stop, and old entries go after the retention.</summary>
public sealed class LogDurabilityTests
{
    private const int Burst = 200;

    [Theory]
    [BothStores]
    public async Task A_burst_of_token_requests_is_all_in_the_log_after_a_clean_stop_and_the_CLI_lists_it(string kind)
    {
        using var store = TestStore.Create(kind);
        var (appId, secret, keyId) = await RegisterAsync(store, "burst");
        int[] answers;
        await using (var server = await InProcessGatehouse.StartAsync(store))
        {
            using var http = server.CreateClient();
            using var gate = new SemaphoreSlim(8);
            answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async i =>
            {
                await gate.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    using var response = await PostTokenAsync(http, appId, i % 10 == 0 ? "wrong" : secret);
                    return (int)response.StatusCode;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var listed = await SignInsAsync(store, appId, "--top", "1000");
        var text = await GatehouseCli.RunAsync(store, "logs", "signins", "--app", appId, "--top", "1");

        Assert.Equal(Burst, answers.Length);
        Assert.Equal(Burst, listed.Count);
        // Past the client failure limit the refusals are 429s rather than AADSTS7000215; each is logged all the same.
        Assert.Equal(answers.Count(status => status != 200), listed.Count(e => e.GetProperty("errorCode").GetInt32() != 0));
        Assert.Contains(listed, e => e.GetProperty("errorCode").GetInt32() == 7000215);
        Assert.All(listed, e => Assert.Equal(appId, e.GetProperty("appId").GetString()));
        var issued = listed.First(e => e.GetProperty("errorCode").GetInt32() == 0);
        Assert.Equal(keyId, issued.GetProperty("credentialKeyId").GetString());
        Assert.Equal(secret[..3], issued.GetProperty("secretHint").GetString());
        Assert.DoesNotContain(secret, string.Concat(listed.Select(e => e.GetRawText())), StringComparison.Ordinal);
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("TIME\tTYPE\tUSER\tAPP\tRESULT", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task Entries_older_than_the_retention_are_swept(string kind)
    {
        using var store = TestStore.Create(kind);
        var (appId, _, _) = await RegisterAsync(store, "retained");
        await using (var first = await InProcessGatehouse.StartAsync(store, environment: null, "--log-retention-days", "7"))
        {
            using var http = first.CreateClient();
            using var refused = await PostTokenAsync(http, appId, "wrong-old");
        }

        var old = await SignInsAsync(store, appId);
        store.Clock.Advance(TimeSpan.FromDays(8));
        await using var second = await InProcessGatehouse.StartAsync(store, environment: null, "--log-retention-days", "7");
        using (var http = second.CreateClient())
        {
            using var refused = await PostTokenAsync(http, appId, "wrong-new");
        }

        var remaining = old;
        for (var attempt = 0; attempt < 100 && (remaining.Count != 1 || Id(remaining[0]) == Id(old[0])); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            remaining = await SignInsAsync(store, appId);
        }

        Assert.Single(old);
        Assert.NotEqual(Id(old[0]), Id(Assert.Single(remaining)));
    }

    private static string? Id(JsonElement entry) => entry.GetProperty("id").GetString();

    private static async Task<(string AppId, string Secret, string KeyId)> RegisterAsync(TestStore store, string name)
    {
        var appId = await GatehouseCli.CreateAppAsync(store, name);
        var secret = await GatehouseCli.AddSecretAsync(store, appId, "never");
        return (appId, secret.GetProperty("secretText").GetString()!, secret.GetProperty("keyId").GetString()!);
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient http, string appId, string secret) =>
        http.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent(SignInLogTests.ClientCredentials(appId, secret)),
            TestContext.Current.CancellationToken);

    private static async Task<List<JsonElement>> SignInsAsync(TestStore store, string appId, params string[] more) =>
        [.. (await GatehouseCli.JsonAsync(store, ["logs", "signins", "--app", appId, .. more])).GetProperty("value").EnumerateArray()];
}
