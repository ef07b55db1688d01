using System.Net;
using System.Net.Security;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// The proxy listener (--proxy-urls): a client with HTTPS_PROXY pointed at it and ca.pem trusted reaches Microsoft's
/// hosts and this server, served by Gatehouse itself; any other destination is refused, never forwarded.
/// </summary>
public sealed class ProxyTests(MicrosoftHostsFixture fixture) : IClassFixture<MicrosoftHostsFixture>
{
    [Fact]
    public async Task Through_the_proxy_login_microsoftonline_com_answers_discovery_under_the_CA()
    {
        using var client = fixture.CreateProxiedClient();

        using var response = await client.GetAsync(
            new Uri($"https://login.microsoftonline.com/{TokenServiceFixture.TenantId}/v2.0/.well-known/openid-configuration"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("token_endpoint", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_proxy_graph_microsoft_com_answers_401_without_a_token()
    {
        using var client = fixture.CreateProxiedClient();

        using var response = await client.GetAsync(new Uri("https://graph.microsoft.com/v1.0/users"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("InvalidAuthenticationToken", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_proxy_this_servers_own_address_is_served_with_its_own_certificate()
    {
        var target = $"127.0.0.1:{fixture.Server.BaseAddress.Port}";
        var (tcp, stream) = await CertificateAuthorityTrust.ConnectAsync(fixture.Proxy, target);
        using (tcp)
        {
            await using var tls = new SslStream(stream, leaveInnerStreamOpen: false, fixture.Server.Pin.Validate);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" }, TestContext.Current.CancellationToken);

            var answer = await CertificateAuthorityTrust.GetAsync(tls, target, "/healthz");

            Assert.Equal(200, answer.Status);
            Assert.Contains("Healthy", answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_CONNECT_to_any_other_host_is_refused_with_403_naming_it_and_closed()
    {
        var answer = await CertificateAuthorityTrust.SendRawAsync(fixture.Proxy, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");

        Assert.Equal(403, answer.Status);
        Assert.StartsWith("text/plain", answer.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("does not forward to example.com:443", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Microsoft_host_on_another_port_is_refused_too()
    {
        var answer = await CertificateAuthorityTrust.SendRawAsync(fixture.Proxy, "CONNECT graph.microsoft.com:8443 HTTP/1.1\r\n\r\n");

        Assert.Equal(403, answer.Status);
        Assert.Contains("graph.microsoft.com:8443", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absolute_form_request_is_refused_with_403_naming_its_host()
    {
        var answer = await CertificateAuthorityTrust.SendRawAsync(fixture.Proxy, "GET http://example.com/index.html HTTP/1.1\r\nHost: example.com\r\n\r\n");

        Assert.Equal(403, answer.Status);
        Assert.StartsWith("text/plain", answer.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("does not forward to example.com", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello\r\n\r\n")]
    [InlineData("CONNECT login.microsoftonline.com HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT login.microsoftonline.com:443 HTTP/1.1\r\nno colon here\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: login.microsoftonline.com\r\n\r\n")]
    public async Task A_malformed_preamble_gets_400_and_the_connection_closed(string preamble)
    {
        var answer = await CertificateAuthorityTrust.SendRawAsync(fixture.Proxy, preamble);

        Assert.Equal(400, answer.Status);
        OutputRules.AssertOneLineReason(answer.Body);
    }

    [Fact]
    public async Task A_preamble_over_8_KiB_gets_400()
    {
        var answer = await CertificateAuthorityTrust.SendRawAsync(fixture.Proxy,
            $"CONNECT login.microsoftonline.com:443 HTTP/1.1\r\nX-Padding: {new string('a', 9000)}\r\n\r\n");

        Assert.Equal(400, answer.Status);
        Assert.Contains("8 KiB", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:18080", false)]
    [InlineData("http://*:18080", false)]
    [InlineData("http://192.0.2.10:18080", true)]
    public async Task A_proxy_URL_beyond_loopback_is_refused_at_start_with_its_reason(string proxyUrl, bool asVariable)
    {
        using var store = TestStore.Sqlite();
        var environment = asVariable ? new Dictionary<string, string> { ["GATEHOUSE_PROXY_URLS"] = proxyUrl } : null;
        string[] flag = asVariable ? [] : ["--proxy-urls", proxyUrl];

        var (exitCode, output) = await GatehouseProcess.RunAsync(environment, ["serve", "--urls", $"https://127.0.0.1:{LoopbackPort.Free()}", .. flag, .. store.Arguments]);

        Assert.NotEqual(0, exitCode);
        OutputRules.AssertOneLineReason(output);
        Assert.Contains(proxyUrl, output, StringComparison.Ordinal);
        Assert.Contains("loopback", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(store.DataFolder), "a refused start made its data folder");
    }
}
