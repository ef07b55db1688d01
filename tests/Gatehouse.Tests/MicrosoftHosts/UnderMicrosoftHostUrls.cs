using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// Requests to the loopback server as a client reaching it under one of Microsoft's hostnames sends them: the Host
/// header (and so the TLS server name) names the Microsoft host, the connection goes to loopback, and the client trusts
/// the server's certificate authority for those names and its own certificate for the rest.
/// </summary>
internal static class UnderMicrosoftHostUrls
{
    public const string Login = "login.microsoftonline.com";
    public const string GraphHost = "graph.microsoft.com";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> SendAsync(
        TokenServiceFixture gatehouse, HttpMethod method, string? host, string pathAndQuery, string? token = null, HttpContent? content = null)
    {
        using var authority = CertificateAuthorityTrust.ReadPem(gatehouse.Server.DataFolder!);
        var policy = CertificateAuthorityTrust.Policy(authority);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    gatehouse.Server.Pin.Validate(sender, certificate, chain, errors) || IssuedByAuthority(certificate, errors, policy),
            },
        })
        { BaseAddress = gatehouse.Server.BaseAddress };
        var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative)) { Content = content };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, Cancel);
    }

    private static bool IssuedByAuthority(X509Certificate? certificate, SslPolicyErrors errors, X509ChainPolicy policy)
    {
        if (certificate is not X509Certificate2 leaf || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain { ChainPolicy = policy };
        return chain.Build(leaf);
    }

    public static async Task<JsonElement> GetJsonAsync(TokenServiceFixture gatehouse, string? host, string pathAndQuery, string? token = null)
    {
        using var response = await SendAsync(gatehouse, HttpMethod.Get, host, pathAndQuery, token);
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery} under {host}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    /// <summary>A client-credentials token for Microsoft Graph, asked under the given host (null: Gatehouse's own URL).</summary>
    public static async Task<string> GraphTokenAsync(TokenServiceFixture gatehouse, RegisteredClient client, string? host)
    {
        using var response = await SendAsync(gatehouse, HttpMethod.Post, host, $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", content: new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", client.AppId),
            new("client_secret", client.Secret),
            new("scope", "https://graph.microsoft.com/.default"),
        ]));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A URL an answer named on a Microsoft host, as the request that follows it: its path on loopback, the host in Host.</summary>
    public static (string Host, string PathAndQuery) Follow(string url)
    {
        var uri = new Uri(url);
        return (uri.Host, uri.PathAndQuery);
    }
}
