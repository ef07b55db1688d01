using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using static Gatehouse.Tests.MicrosoftHosts.UnderMicrosoftHostUrls;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// Instance discovery answers the public cloud's entry under its login hosts or about them, and Gatehouse's own host
/// alone otherwise (docs/protocol/microsoft-hosts.md §3.2).
/// </summary>
public sealed class MicrosoftInstanceDiscoveryTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    private const string Tid = TokenServiceFixture.TenantId;

    [Theory]
    [InlineData(Login, "https://login.microsoftonline.com")]
    [InlineData(null, "https://login.windows.net")]
    public async Task Asked_under_or_about_a_login_host_it_answers_the_public_cloud(string? host, string authority)
    {
        var authorize = Uri.EscapeDataString($"{authority}/{Tid}/oauth2/v2.0/authorize");

        var document = await GetJsonAsync(gatehouse, host, $"/common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}");

        Assert.Equal($"https://login.microsoftonline.com/{Tid}/v2.0/.well-known/openid-configuration", document.GetProperty("tenant_discovery_endpoint").GetString());
        var cloud = Assert.Single(document.GetProperty("metadata").EnumerateArray());
        Assert.Equal("login.microsoftonline.com", cloud.GetProperty("preferred_network").GetString());
        Assert.Equal("login.windows.net", cloud.GetProperty("preferred_cache").GetString());
        Assert.Equal(["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"], Aliases(cloud));
    }

    [Fact]
    public async Task Asked_under_Gatehouses_own_URL_about_it_it_answers_for_that_host_alone()
    {
        var authorize = Uri.EscapeDataString($"{gatehouse.BaseUrl}/{Tid}/oauth2/v2.0/authorize");

        var document = await GetJsonAsync(gatehouse, null, $"/common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}");

        var host = new Uri(gatehouse.BaseUrl).Authority;
        Assert.Equal($"{gatehouse.BaseUrl}/{Tid}/v2.0/.well-known/openid-configuration", document.GetProperty("tenant_discovery_endpoint").GetString());
        Assert.Equal([host], Aliases(Assert.Single(document.GetProperty("metadata").EnumerateArray())));
    }

    private static List<string?> Aliases(JsonElement cloud) => [.. cloud.GetProperty("aliases").EnumerateArray().Select(a => a.GetString())];
}
