using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Graph;

/// <summary>A single-page app on its own origin calls Graph with a bearer token, as it calls graph.microsoft.com.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphCrossOriginTests(GatehouseOnBothStores gatehouse)
{
    /// <summary>What @azure/msal-browser's token plus the Graph JS SDK put on a request, as a browser lists them in a preflight.</summary>
    private const string SdkHeaders = "authorization,client-request-id,consistencylevel,content-type,sdkversion,prefer,if-match";

    [Theory]
    [InlineData("users", "GET")]
    [InlineData("users/someone@contoso.test", "PATCH")]
    [InlineData("groups", "POST")]
    [InlineData("applications/00000000-0000-0000-0000-000000000001", "DELETE")]
    public async Task A_preflight_from_any_origin_is_allowed_without_a_token(string path, string method)
    {
        var server = await gatehouse.OnAsync("sqlite");
        using var http = server.RawGraph(null);

        using var v1 = await http.SendAsync(CrossOrigin.Preflight(path, method, SdkHeaders), TestContext.Current.CancellationToken);
        using var beta = await http.SendAsync(CrossOrigin.Preflight(server.BaseUrl + "/beta/" + path, method, SdkHeaders), TestContext.Current.CancellationToken);

        CrossOrigin.AssertPreflightAllowed(v1, SdkHeaders);
        CrossOrigin.AssertPreflightAllowed(beta, SdkHeaders);
    }

    [Theory]
    [BothStores]
    public async Task A_call_with_a_token_from_another_origin_is_readable_and_exposes_the_request_ids(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var client = await server.RegisterClientAsync("spa-reader-" + store, ("Microsoft Graph", "User.Read.All"));
        using var http = server.RawGraph(await server.AppTokenAsync(client));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("users?$top=1", UriKind.Relative));
        request.Headers.Add("Origin", CrossOrigin.SpaOrigin);
        request.Headers.Add("client-request-id", "5a1e3f2b-58b9-4b5d-9a3c-1f0c2d3e4f50");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CrossOrigin.AssertReadable(response, "request-id", "client-request-id", "Retry-After", "Location", "ETag", "WWW-Authenticate");
        Assert.Equal("5a1e3f2b-58b9-4b5d-9a3c-1f0c2d3e4f50", response.Headers.GetValues("client-request-id").Single());
    }

    [Fact]
    public async Task An_error_answer_to_another_origin_is_readable_so_the_app_sees_the_401_and_its_challenge()
    {
        var server = await gatehouse.OnAsync("sqlite");
        using var http = server.RawGraph(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("me", UriKind.Relative));
        request.Headers.Add("Origin", CrossOrigin.SpaOrigin);
        using var unknown = new HttpRequestMessage(HttpMethod.Get, new Uri("nosuchresource", UriKind.Relative));
        unknown.Headers.Add("Origin", CrossOrigin.SpaOrigin);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        using var notFound = await http.SendAsync(unknown, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        CrossOrigin.AssertReadable(response, "WWW-Authenticate", "request-id");
        Assert.StartsWith("Bearer ", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        CrossOrigin.AssertReadable(notFound, "request-id");
    }

    [Fact]
    public async Task A_request_without_an_origin_gets_no_CORS_headers_and_a_surface_without_a_policy_answers_no_preflight()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var client = await server.RegisterClientAsync("same-origin", ("Microsoft Graph", "User.Read.All"));
        using var http = server.RawGraph(await server.AppTokenAsync(client));

        using var response = await http.GetAsync(new Uri("users?$top=1", UriKind.Relative), TestContext.Current.CancellationToken);
        using var health = await http.SendAsync(CrossOrigin.Preflight(server.BaseUrl + "/healthz", "GET", "authorization"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(health.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }
}
