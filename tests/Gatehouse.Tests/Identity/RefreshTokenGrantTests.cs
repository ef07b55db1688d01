using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>grant_type=refresh_token over raw HTTP: rotation, reuse of a rotated token revoking the family, and the scope asked on refresh.</summary>
public sealed class RefreshTokenGrantTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task A_refresh_token_is_rotated_and_the_old_one_is_refused()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-rotate");
        var first = await SignInAsync(flow);

        var refreshed = await RefreshAsync(flow, first);
        var body = await AuthorizationCodeGrantTests.ReadAsync(refreshed);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = body.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal("User.Read", Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("scp").GetString());
        await AuthorizationCodeGrantTests.AssertRefusedAsync(await RefreshAsync(flow, first), "invalid_grant", 70008);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-reuse");
        var first = await SignInAsync(flow);
        var second = (await AuthorizationCodeGrantTests.ReadAsync(await RefreshAsync(flow, first))).GetProperty("refresh_token").GetString()!;

        await AuthorizationCodeGrantTests.AssertRefusedAsync(await RefreshAsync(flow, first), "invalid_grant", 70008);

        // The current token of the family was revoked with it: whoever holds it must sign in again.
        await AuthorizationCodeGrantTests.AssertRefusedAsync(await RefreshAsync(flow, second), "invalid_grant", 70008);
    }

    [Fact]
    public async Task A_second_redemption_of_a_code_revokes_the_refresh_token_the_first_issued()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-code-twice");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);
        var refreshToken = (await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(code, verifier))).GetProperty("refresh_token").GetString()!;

        await AuthorizationCodeGrantTests.AssertRefusedAsync(await flow.RedeemAsync(code, verifier), "invalid_grant", 54005);

        await AuthorizationCodeGrantTests.AssertRefusedAsync(await RefreshAsync(flow, refreshToken), "invalid_grant", 70008);
    }

    [Fact]
    public async Task Without_offline_access_no_refresh_token_is_issued()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-none");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge, scope: "openid User.Read"));
        var code = DelegatedSignIn.Query(response.Headers.Location!)["code"];

        var body = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(code, verifier));

        Assert.True(body.TryGetProperty("access_token", out _));
        Assert.False(body.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task A_refresh_token_is_redeemed_for_another_consented_API_with_the_scopes_granted_there()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-other-api");
        var api = await GatehouseCli.CreateAppAsync(gatehouse.Store, "refresh-orders-api");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "api", "set", "--app", api, "--identifier-uri", "api://refresh-orders");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "scope", "add", "--app", api, "--value", "Orders.Read", "--display-name", "Read orders");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", flow.Client.AppId, "--api", "api://refresh-orders", "--permission", "Orders.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", flow.Client.AppId);
        var first = await SignInAsync(flow);

        var refreshed = await RefreshAsync(flow, first, "api://refresh-orders/Orders.Read openid offline_access");

        var body = await AuthorizationCodeGrantTests.ReadAsync(refreshed);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal((api, "Orders.Read"), (access.GetProperty("aud").GetString(), access.GetProperty("scp").GetString()));
        Assert.True(body.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Refreshing_for_a_scope_never_consented_is_AADSTS65001_and_leaves_the_refresh_token_usable()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-unconsented");
        var first = await SignInAsync(flow);

        var refused = await RefreshAsync(flow, first, "openid offline_access Mail.Send");
        var afterwards = await RefreshAsync(flow, first);

        var error = await AadstsResponse.ReadAsync(refused);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant", 65001), (error.Status, error.Error, error.Code));
        Assert.Equal("consent_required", error.Body.GetProperty("suberror").GetString());
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_presented_by_another_client_or_without_its_secret_is_refused_and_still_works_for_its_own()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-owner");
        using var other = await DelegatedSignIn.CreateAsync(gatehouse, "refresh-thief");
        var token = await SignInAsync(flow);

        var byAnother = await RefreshAsync(other, token);
        var withoutSecret = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = flow.Client.AppId,
            ["refresh_token"] = token,
            ["scope"] = "openid offline_access User.Read",
        });
        var byItsOwn = await RefreshAsync(flow, token);

        await AuthorizationCodeGrantTests.AssertRefusedAsync(byAnother, "invalid_grant", 9002313);
        await AuthorizationCodeGrantTests.AssertRefusedAsync(withoutSecret, "invalid_client", 7000218);
        Assert.Equal(HttpStatusCode.OK, byItsOwn.StatusCode);
    }

    private static async Task<string> SignInAsync(DelegatedSignIn flow)
    {
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);
        var body = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(code, verifier));
        return body.GetProperty("refresh_token").GetString()!;
    }

    private Task<HttpResponseMessage> RefreshAsync(DelegatedSignIn flow, string refreshToken, string scope = "openid profile offline_access User.Read") =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = flow.Client.Secret,
            ["refresh_token"] = refreshToken,
            ["scope"] = scope,
            ["client_info"] = "1",
        });
}
