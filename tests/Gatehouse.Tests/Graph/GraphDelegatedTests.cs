using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>A user signed in through the authorization-code flow calls Graph with a delegated token: scp limits what they reach.</summary>
[Collection(GraphServers.Name)]
public sealed class GraphDelegatedTests(GatehouseOnBothStores gatehouse)
{
    [Theory]
    [BothStores]
    public async Task With_User_Read_a_user_reads_themself_through_me_and_no_one_else(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var signIn = await DelegatedSignIn.CreateAsync(server, "me-" + store);
        var token = await DelegatedTokenAsync(signIn);
        var graph = server.WithToken(token);

        var me = await graph.Me.GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        var self = await graph.Users[me!.Id].GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        var list = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync(cancellationToken: TestContext.Current.CancellationToken));
        var admin = await Assert.ThrowsAsync<ODataError>(() => graph.Users["admin@contoso.onmicrosoft.com"].GetAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(signIn.Upn, me.UserPrincipalName);
        Assert.Equal(me.Id, self!.Id);
        Assert.Equal((int)HttpStatusCode.Forbidden, list.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", list.Error!.Code);
        Assert.Equal((int)HttpStatusCode.Forbidden, admin.ResponseStatusCode);
    }

    [Fact]
    public async Task Me_with_an_app_only_token_is_400_BadRequest()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var graph = server.AppOnly(await server.RegisterClientAsync("me-app", ("Microsoft Graph", "User.Read.All")));

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Me.GetAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((int)HttpStatusCode.BadRequest, error.ResponseStatusCode);
        Assert.Equal("/me request is only valid with delegated authentication flow.", error.Error!.Message);
    }

    /// <summary>Signs the user in (PKCE), redeems the code, and returns the Graph access token.</summary>
    internal static async Task<string> DelegatedTokenAsync(DelegatedSignIn signIn)
    {
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await signIn.GetCodeAsync(challenge);
        using var response = await signIn.RedeemAsync(code, verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return body.GetProperty("access_token").GetString()!;
    }
}
