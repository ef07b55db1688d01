using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Identity;

/// <summary>grant_type=password (ROPC): MSAL.NET's public client, Entra's errors, and the sign-in page's smart lockout.</summary>
public sealed class PasswordGrantTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task MSAL_public_client_gets_a_delegated_token_with_username_and_password()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-msal", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        using var http = new TrustingMsalHttpClientFactory(gatehouse.TrustingHandler());
        var msal = PublicClientApplicationBuilder.Create(flow.Client.AppId)
            .WithAuthority(gatehouse.Authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(http)
            .Build();

#pragma warning disable CS0618 // Obsolete in MSAL for new apps; old scripts are what the grant is kept for.
        var result = await msal.AcquireTokenByUsernamePassword(["User.Read"], flow.Upn, flow.Password).ExecuteAsync(TestContext.Current.CancellationToken);
#pragma warning restore CS0618

        Assert.Equal(flow.Upn, result.Account.Username);
        var access = Jwt.Payload(result.AccessToken);
        Assert.Equal("User.Read", access.GetProperty("scp").GetString());
        Assert.Equal(flow.Upn, access.GetProperty("upn").GetString());
    }

    [Fact]
    public async Task A_wrong_password_is_AADSTS50126_and_an_unknown_user_AADSTS50034()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-wrong", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);

        var wrong = await AadstsResponse.ReadAsync(await PasswordAsync(flow, flow.Upn, "not-the-password"));
        var unknown = await AadstsResponse.ReadAsync(await PasswordAsync(flow, "nobody@" + TokenServiceFixture.TenantDomain, flow.Password));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant", 50126), (wrong.Status, wrong.Error, wrong.Code));
        Assert.Equal(("invalid_grant", 50034), (unknown.Error, unknown.Code));
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_for_the_grant_and_the_sign_in_page_alike()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-lockout", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        for (var i = 0; i < 10; i++)
        {
            await PasswordAsync(flow, flow.Upn, $"wrong-{i}");
        }

        var right = await AadstsResponse.ReadAsync(await PasswordAsync(flow, flow.Upn, flow.Password));
        var (_, signInPage) = await flow.OpenPageAsync("/signin");
        var signIn = await flow.SubmitAsync("/signin", signInPage, new Dictionary<string, string> { ["Username"] = flow.Upn, ["Password"] = flow.Password });

        Assert.Equal(("invalid_grant", 50053), (right.Error, right.Code));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("temporarily locked", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scopes_nobody_consented_to_are_AADSTS65001_consent_required()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-consent", DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true, consent: false);

        var refusal = await AadstsResponse.ReadAsync(await PasswordAsync(flow, flow.Upn, flow.Password));

        Assert.Equal(("invalid_grant", 65001), (refusal.Error, refusal.Code));
        Assert.Equal("consent_required", refusal.Body.GetProperty("suberror").GetString());
    }

    [Fact]
    public async Task Without_Allow_public_client_flows_a_password_grant_without_a_secret_is_AADSTS7000218()
    {
        using var flow = await DelegatedSignIn.CreatePublicAsync(gatehouse, "ropc-notpublic", DelegatedSignIn.NativeClientRedirectUri);

        var refusal = await AadstsResponse.ReadAsync(await PasswordAsync(flow, flow.Upn, flow.Password));

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client", 7000218), (refusal.Status, refusal.Error, refusal.Code));
    }

    [Fact]
    public async Task A_confidential_client_uses_the_grant_with_its_secret()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "ropc-confidential");

        var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = flow.Client.Secret,
            ["username"] = flow.Upn,
            ["password"] = flow.Password,
            ["scope"] = "User.Read openid offline_access",
        });

        var body = await AuthorizationCodeGrantTests.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("appidacr").GetString());
        Assert.True(body.TryGetProperty("refresh_token", out _));
    }

    private Task<HttpResponseMessage> PasswordAsync(DelegatedSignIn flow, string username, string password) =>
        gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = flow.Client.AppId,
            ["username"] = username,
            ["password"] = password,
            ["scope"] = "User.Read openid profile offline_access",
        });
}
