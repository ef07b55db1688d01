using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>The authorize endpoint over raw HTTP: where it answers with a page, and where with a redirect.</summary>
public sealed class AuthorizeEndpointTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task An_unregistered_redirect_uri_is_shown_as_AADSTS50011_on_a_page_and_never_redirected_to()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-50011");
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var response = await flow.GetAsync(flow.AuthorizeUrl(challenge, redirectUri: "https://evil.example/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("AADSTS50011", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_uri_differing_only_by_a_trailing_slash_is_AADSTS50011()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-slash");
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var response = await flow.GetAsync(flow.AuthorizeUrl(challenge, redirectUri: DelegatedSignIn.RedirectUri + "/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS50011", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_client_is_shown_as_AADSTS700016_on_a_page()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-700016");

        var response = await flow.GetAsync(
            $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/authorize?client_id={Guid.NewGuid()}&response_type=code&redirect_uri={Uri.EscapeDataString(DelegatedSignIn.RedirectUri)}&scope=openid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS700016", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_person_is_sent_to_the_sign_in_page_and_prompt_none_gets_login_required()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-signin");
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var toSignIn = await flow.GetAsync(flow.AuthorizeUrl(challenge));
        var silent = await flow.GetAsync(flow.AuthorizeUrl(challenge) + "&prompt=none");

        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=", toSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, silent.StatusCode);
        var error = DelegatedSignIn.Query(silent.Headers.Location!);
        Assert.Equal("login_required", error["error"]);
        Assert.Equal("s1", error["state"]);
    }

    [Fact]
    public async Task A_plain_PKCE_challenge_is_refused_with_invalid_request()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-plain");
        var (verifier, _) = DelegatedSignIn.NewPkce();

        var response = await flow.GetAsync(flow.AuthorizeUrl(verifier).Replace("S256", "plain", StringComparison.Ordinal));

        var error = DelegatedSignIn.Query(response.Headers.Location!);
        Assert.Equal("invalid_request", error["error"]);
        Assert.StartsWith("AADSTS501491", error["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_with_consented_scopes_gets_a_code_and_the_state_back()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-code");
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answer = DelegatedSignIn.Query(response.Headers.Location!);
        Assert.Equal("s1", answer["state"]);
        Assert.True(answer["code"].Length >= 43);
    }

    [Fact]
    public async Task Response_modes_fragment_and_form_post_carry_the_code_and_state()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-modes");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var fragment = await flow.GetAsync(flow.AuthorizeUrl(challenge) + "&response_mode=fragment");
        var formPost = await flow.GetAsync(flow.AuthorizeUrl(challenge) + "&response_mode=form_post");

        Assert.Equal(HttpStatusCode.Redirect, fragment.StatusCode);
        Assert.StartsWith(DelegatedSignIn.RedirectUri + "#code=", fragment.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("&state=s1", fragment.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, formPost.StatusCode);
        var html = await formPost.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"action=\"{DelegatedSignIn.RedirectUri}\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"state\" value=\"s1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_login_sends_a_signed_in_person_back_to_the_sign_in_page_once()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-login");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var response = await flow.GetAsync(flow.AuthorizeUrl(challenge) + "&prompt=login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/signin?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.DoesNotContain("prompt", Uri.UnescapeDataString(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_with_a_field_named_with_an_unclosed_bracket_still_signs_the_person_in()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "authz-bracket");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        var signIn = (await flow.GetAsync(flow.AuthorizeUrl(challenge))).Headers.Location!.OriginalString;
        var page = await (await flow.GetAsync(signIn)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // What a password with a raw "&" in it leaves behind when a client forgets to encode the form.
        var posted = await flow.SubmitAsync(signIn, page, new Dictionary<string, string> { ["Username"] = flow.Upn, ["Password"] = flow.Password, ["F!*U6Q>,[`[t#Z9"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/authorize?", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
