using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>/{tenant}/oauth2/v2.0/logout: the session ends; the person goes back only to a URI the app registered.</summary>
public sealed class LogoutTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task Logout_ends_the_session_and_returns_to_a_registered_uri_with_the_state()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "logout-ok");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var logout = await flow.GetAsync(
            $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/logout?client_id={flow.Client.AppId}&post_logout_redirect_uri={Uri.EscapeDataString(flow.Redirect)}&state=bye");
        var next = await flow.GetAsync(flow.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(flow.Redirect + "?state=bye", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/signin?", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_post_logout_redirect_uri_is_not_followed_but_the_session_still_ends()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "logout-evil");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var logout = await flow.GetAsync(
            $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/logout?client_id={flow.Client.AppId}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
        var next = await flow.GetAsync(flow.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Null(logout.Headers.Location);
        Assert.Contains("You signed out of your account", await logout.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("/signin?", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_id_token_hint_names_the_app_whose_uris_may_be_returned_to()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "logout-hint");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var tokens = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier));

        var logout = await flow.GetAsync(
            $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/logout?id_token_hint={tokens.GetProperty("id_token").GetString()}&post_logout_redirect_uri={Uri.EscapeDataString(flow.Redirect)}");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(flow.Redirect, logout.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_logout_naming_no_app_returns_only_to_a_uri_of_an_app_the_session_signed_in_to()
    {
        using var signedIn = await DelegatedSignIn.CreateAsync(gatehouse, "logout-bare");
        const string OtherAppsUri = "https://localhost/logout-bare-other";
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "create", "--name", "logout-bare-other", "--redirect-uri", OtherAppsUri);
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await signedIn.GetCodeAsync(challenge);
        var logoutUrl = $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/logout?post_logout_redirect_uri=";

        var toAnotherApp = await signedIn.GetAsync(logoutUrl + Uri.EscapeDataString(OtherAppsUri));
        await signedIn.GetCodeAsync(challenge);
        var toTheApp = await signedIn.GetAsync(logoutUrl + Uri.EscapeDataString(signedIn.Redirect) + "&state=bye");

        Assert.Equal(HttpStatusCode.BadRequest, toAnotherApp.StatusCode);
        Assert.Null(toAnotherApp.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toTheApp.StatusCode);
        Assert.Equal(signedIn.Redirect + "?state=bye", toTheApp.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_logout_form_that_cannot_be_read_is_refused_with_AADSTS90023_and_the_session_stays()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "logout-nul");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        // A NUL in a form value ("%00"), which ASP.NET Core's form reader refuses to decode.
        var logout = await flow.SubmitAsync($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/logout", "", new Dictionary<string, string>
        {
            ["post_logout_redirect_uri"] = flow.Redirect,
            ["state"] = "a\0b",
        });
        var next = await flow.GetAsync(flow.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Contains("AADSTS90023", await logout.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith(flow.Redirect + "?", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
