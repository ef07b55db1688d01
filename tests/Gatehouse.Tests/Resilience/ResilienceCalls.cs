using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Resilience;

/// <summary>The raw calls the resilience tests make, so that every status and header the server sends is seen as sent.</summary>
internal static class ResilienceCalls
{
    /// <summary>No request the tests make may take longer than this, whatever state the store is in.</summary>
    public static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpClient Client(RunningGatehouse server)
    {
        var http = server.CreateClient();
        http.Timeout = RequestBound;
        return http;
    }

    public const string GraphScope = "https://graph.microsoft.com/.default";

    public const string ManagementScope = "https://management.azure.com/.default";

    /// <summary>A client-credentials request for a token of the scope (Graph's by default) with this secret, by form post.</summary>
    public static Task<HttpResponseMessage> TokenAsync(HttpClient http, string appId, string secret, string scope = GraphScope) =>
        http.PostAsync($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = appId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }), Ct);

    public static async Task<string> AccessTokenAsync(HttpClient http, RegisteredClient client, string scope = GraphScope)
    {
        using var response = await TokenAsync(http, client.AppId, client.Secret, scope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    /// <summary>A request with the bearer token (Graph's, Resource Manager's: the path says which).</summary>
    public static Task<HttpResponseMessage> CallAsync(HttpClient http, HttpMethod method, string pathAndQuery, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    /// <summary>The lines of the server's output that quote <paramref name="id"/>.</summary>
    public static string[] LinesQuoting(RunningGatehouse server, string id) =>
        server.Output.Split('\n').Where(line => line.Contains(id, StringComparison.Ordinal)).ToArray();
}
