using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// Requests to the loopback server as a client reaching it under one of Microsoft's hostnames sends them: the Host
/// header names the Microsoft host, the connection goes to loopback.
/// </summary>
internal static class UnderMicrosoftHostUrls
{
    public const string Login = "login.microsoftonline.com";
    public const string GraphHost = "graph.microsoft.com";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> SendAsync(
        TokenServiceFixture gatehouse, HttpMethod method, string? host, string pathAndQuery, string? token = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative)) { Content = content };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return gatehouse.Http.SendAsync(request, Cancel);
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
