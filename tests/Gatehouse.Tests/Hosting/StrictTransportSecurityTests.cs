using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>Strict-Transport-Security: a year of it from a server bound beyond loopback, never for loopback names.</summary>
public sealed class StrictTransportSecurityTests
{
    private const string Header = "Strict-Transport-Security";

    [Fact]
    public async Task Server_beyond_loopback_sends_hsts_for_its_names_but_not_for_loopback_names()
    {
        using var store = TestStore.Sqlite();
        await using var server = await StartupSafetyTests.StartBeyondLoopbackAsync(store);
        using var client = server.CreateClient();

        using var named = await HealthAsync(client, $"gatehouse.example.com:{server.BaseAddress.Port}");
        using var loopback = await HealthAsync(client, null);

        Assert.Equal("max-age=31536000", Assert.Single(named.Headers.GetValues(Header)));
        Assert.False(loopback.Headers.Contains(Header));
    }

    [Fact]
    public async Task Loopback_server_sends_no_hsts()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite());

        using var named = await HealthAsync(gatehouse.Http, $"gatehouse.example.com:{gatehouse.Server.BaseAddress.Port}");

        Assert.False(named.Headers.Contains(Header));
    }

    private static async Task<HttpResponseMessage> HealthAsync(HttpClient client, string? host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative));
        request.Headers.Host = host;
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
