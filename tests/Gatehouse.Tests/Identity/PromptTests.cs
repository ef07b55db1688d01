using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// The authorize endpoint's prompt, login_hint and domain_hint (OpenID Connect Core §3.1.2.1): when the person is asked
/// again, and the errors a silent request gets at the redirect URI.
/// </summary>
public sealed partial class PromptTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task Prompt_consent_shows_the_consent_page_although_everything_is_granted_and_acceptance_returns_a_code()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "prompt-consent");
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var (response, page) = await flow.ConsentAsync(flow.AuthorizeUrl(challenge) + "&prompt=consent&domain_hint=" + TokenServiceFixture.TenantDomain);

        Assert.Contains("Permissions requested", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(DelegatedSignIn.Query(response.Headers.Location!).ContainsKey("code"));
    }

    [Fact]
    public async Task Prompt_none_without_consent_is_consent_required_with_AADSTS65001_and_the_state()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "prompt-none-consent", consent: false);
        var (_, challenge) = DelegatedSignIn.NewPkce();
        var toConsent = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge));

        var silent = await flow.GetAsync(flow.AuthorizeUrl(challenge, state: "silent-1") + "&prompt=none");

        Assert.StartsWith("/consent?", toConsent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, silent.StatusCode);
        Assert.StartsWith(flow.Redirect + "?", silent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var error = DelegatedSignIn.Query(silent.Headers.Location!);
        Assert.Equal(("consent_required", "65001", "silent-1"), (error["error"], error["error_codes"], error["state"]));
        Assert.StartsWith("AADSTS65001", error["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_none_with_a_login_hint_for_someone_else_is_interaction_required()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "prompt-none-hint");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var same = await flow.GetAsync(flow.AuthorizeUrl(challenge) + "&prompt=none&login_hint=" + Uri.EscapeDataString(flow.Upn.ToUpperInvariant()));
        var other = await flow.GetAsync(flow.AuthorizeUrl(challenge) + "&prompt=none&login_hint=someone.else%40" + TokenServiceFixture.TenantDomain);

        Assert.True(DelegatedSignIn.Query(same.Headers.Location!).ContainsKey("code"), "the hinted account is the signed-in one");
        var error = DelegatedSignIn.Query(other.Headers.Location!);
        Assert.Equal(("interaction_required", "s1"), (error["error"], error["state"]));
        Assert.StartsWith("AADSTS16000", error["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_hint_prefills_the_sign_in_page_and_one_for_another_account_than_the_session_asks_again()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "prompt-hint");
        using var colleague = await flow.WithAnotherUserAsync();
        var (_, challenge) = DelegatedSignIn.NewPkce();
        var hinted = flow.AuthorizeUrl(challenge) + "&login_hint=" + Uri.EscapeDataString(colleague.Upn);

        var toSignIn = await colleague.GetAsync(hinted);
        var page = await colleague.GetAsync(toSignIn.Headers.Location!.OriginalString);
        await flow.GetCodeAsync(challenge);
        var askedAgain = await flow.GetAsync(hinted);

        Assert.Contains($"value=\"{colleague.Upn}\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, askedAgain.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=", askedAgain.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_select_account_offers_the_signed_in_account_and_continuing_returns_a_code()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "prompt-select");
        var (_, challenge) = DelegatedSignIn.NewPkce();
        await flow.GetCodeAsync(challenge);

        var picker = await flow.GetAsync(flow.AuthorizeUrl(challenge, state: "pick") + "&prompt=select_account");
        var page = await (await flow.GetAsync(picker.Headers.Location!.OriginalString)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var continued = await flow.GetAsync(System.Net.WebUtility.HtmlDecode(ContinueLink().Match(page).Groups[1].Value));

        Assert.StartsWith("/signin?", picker.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains($"Continue as {flow.Upn}", page, StringComparison.Ordinal);
        var answer = DelegatedSignIn.Query(continued.Headers.Location!);
        Assert.Equal("pick", answer["state"]);
        Assert.True(answer.ContainsKey("code"));
    }

    [GeneratedRegex("data-testid=\"continue-as\" href=\"([^\"]+)\"")]
    private static partial Regex ContinueLink();
}
