using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// GET /metrics serves Prometheus text counting issued and refused tokens. The server runs in its own process: in the
/// test process, its metrics would also count the tokens every other in-process server issues.
/// </summary>
public sealed class TokenMetricsTests
{
    [Fact]
    public async Task Metrics_count_issued_tokens_and_refusals_by_AADSTS_code()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), ownProcess: true);
        var client = await gatehouse.RegisterClientAsync("metrics");
        await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);
        using var refused = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId,
            [new("grant_type", "client_credentials"), new("client_id", client.AppId), new("client_secret", "wrong"), new("scope", "https://graph.microsoft.com/.default")]);

        var metrics = await gatehouse.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Matches(@"gatehouse_tokens_issued_total\{[^}]*grant_type=""client_credentials""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"gatehouse_tokens_refused_total\{[^}]*aadsts=""7000215""[^}]*\} [1-9]", metrics);
    }
}
