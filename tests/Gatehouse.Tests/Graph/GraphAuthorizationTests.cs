using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>Graph accepts only Gatehouse tokens for Microsoft Graph, within their lifetime, carrying a permission the operation documents.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphAuthorizationTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task An_expired_token_is_401_InvalidAuthenticationToken_with_a_Bearer_challenge(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var client = await server.RegisterClientAsync("expired-" + store, ("Microsoft Graph", "User.Read.All"));
        var token = await server.AppTokenAsync(client);
        var justExpired = await ReSignedTokens.AgedAsync(server.Store, token, TimeSpan.FromMinutes(90) + TimeSpan.FromMinutes(6));
        var stillValid = await ReSignedTokens.AgedAsync(server.Store, token, TimeSpan.FromMinutes(30));

        using var http = server.RawGraph(justExpired);
        using var response = await http.GetAsync(new Uri("users", UriKind.Relative), TestContext.Current.CancellationToken);
        var error = await ErrorAsync(response);
        var ok = await server.WithToken(stillValid).Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.Equal("Lifetime validation failed, the token is expired.", error.GetProperty("message").GetString());
        Assert.StartsWith("Bearer ", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("request-id").Single(), error.GetProperty("innerError").GetProperty("request-id").GetString());
        Assert.NotEmpty(ok!.Value!);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401_and_no_token_is_401()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var client = await server.RegisterClientAsync("foreign", ("Microsoft Graph", "User.Read.All"));
        var crm = await server.Credential(client.AppId, client.Secret)
            .GetTokenAsync(new TokenRequestContext(["00000007-0000-0000-c000-000000000000/.default"]), TestContext.Current.CancellationToken);

        var foreign = await Assert.ThrowsAsync<ODataError>(() => server.WithToken(crm.Token).Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken));
        using var anonymous = server.RawGraph(null);
        using var response = await anonymous.GetAsync(new Uri("users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((int)HttpStatusCode.Unauthorized, foreign.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", foreign.Error!.Code);
        Assert.Equal("Access token validation failure. Invalid audience.", foreign.Error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Access token is empty.", (await ErrorAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(LookalikeTokens.All), MemberType = typeof(LookalikeTokens))]
    public async Task Text_that_only_looks_like_a_token_is_401_InvalidAuthenticationToken(string token)
    {
        var server = await gatehouse.OnAsync("sqlite");
        using var http = server.RawGraph(token);

        using var response = await http.GetAsync(new Uri("users", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", (await ErrorAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [BothStores]
    public async Task A_token_without_a_documented_permission_is_403_Authorization_RequestDenied(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("no-users-" + store, ("Microsoft Graph", "Calendars.ReadWrite")));

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((int)HttpStatusCode.Forbidden, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
    }

    [Fact]
    public async Task The_client_request_id_is_echoed()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var token = await server.AppTokenAsync(await server.RegisterClientAsync("echo", ("Microsoft Graph", "User.Read.All")));
        using var http = server.RawGraph(token);
        var sent = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "users?$top=1");
        request.Headers.Add("client-request-id", sent);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, response.Headers.GetValues("client-request-id").Single());
        Assert.True(Guid.TryParse(response.Headers.GetValues("request-id").Single(), out _));
    }

    [Fact]
    public async Task A_path_Graph_does_not_serve_is_400_naming_its_first_segment_even_the_root_with_a_verb_it_has_no_route_for()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var client = await server.RegisterClientAsync("segments", ("Microsoft Graph", "User.Read.All"));
        using var http = server.RawGraph(await server.AppTokenAsync(client));

        using var unknown = await http.GetAsync(new Uri("nosuchthing/x", UriKind.Relative), TestContext.Current.CancellationToken);
        using var root = await http.PatchAsync(new Uri("", UriKind.Relative), JsonContent.Create(new { }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Resource not found for the segment 'nosuchthing'.", (await ErrorAsync(unknown)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, root.StatusCode);
        Assert.Equal("Resource not found for the segment ''.", (await ErrorAsync(root)).GetProperty("message").GetString());
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error").Clone();
}
