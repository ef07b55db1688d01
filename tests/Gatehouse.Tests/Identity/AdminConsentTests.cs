using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// Admin consent: the /adminconsent endpoints' round trip, "Need admin approval" for everyone else, and "Consent on
/// behalf of your organization" on the consent page.
/// </summary>
public sealed class AdminConsentTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task An_administrator_accepts_for_the_organization_and_returns_with_admin_consent_True_and_the_tenant()
    {
        using var admin = await DelegatedSignIn.CreateAsync(gatehouse, "adminconsent-ok", consent: false, role: "Global Administrator");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", admin.Client.AppId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application");

        var (page, html) = await admin.OpenPageAsync(AdminConsentUrl(admin, "v1"));
        var accepted = await admin.SubmitAsync(page.RequestMessage!.RequestUri!.PathAndQuery + "&handler=Accept", html, DelegatedSignIn.HiddenFields(html));
        var back = await admin.GetAsync(accepted.Headers.Location!.OriginalString);

        Assert.Contains("Accept for your organization", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var answer = DelegatedSignIn.Query(back.Headers.Location!);
        Assert.StartsWith(DelegatedSignIn.RedirectUri + "?", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("True", TokenServiceFixture.TenantId, "v1"), (answer["admin_consent"], answer["tenant"], answer["state"]));
        var token = await gatehouse.Msal(admin.Client).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);
        Assert.Equal("User.Read.All", Jwt.Payload(token.AccessToken).GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task The_v2_endpoint_grants_the_named_scopes_for_everyone_and_echoes_the_scope()
    {
        using var admin = await DelegatedSignIn.CreateAsync(gatehouse, "adminconsent-v2", consent: false, role: "Application Administrator");
        using var colleague = await admin.WithAnotherUserAsync();
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var (page, html) = await admin.OpenPageAsync(AdminConsentUrl(admin, "v2", v2Scope: "https://graph.microsoft.com/User.Read"));
        var accepted = await admin.SubmitAsync(page.RequestMessage!.RequestUri!.PathAndQuery + "&handler=Accept", html, DelegatedSignIn.HiddenFields(html));
        var back = await admin.GetAsync(accepted.Headers.Location!.OriginalString);
        var colleagueCode = await colleague.AuthorizeAsync(colleague.AuthorizeUrl(challenge));

        var answer = DelegatedSignIn.Query(back.Headers.Location!);
        Assert.Equal(("True", "https://graph.microsoft.com/User.Read"), (answer["admin_consent"], answer["scope"]));
        Assert.True(DelegatedSignIn.Query(colleagueCode.Headers.Location!).ContainsKey("code"), "the colleague was asked to consent again");
    }

    [Fact]
    public async Task A_non_administrator_sees_Need_admin_approval_and_the_app_hears_AADSTS90094()
    {
        using var user = await DelegatedSignIn.CreateAsync(gatehouse, "adminconsent-user", consent: false);

        var (page, html) = await user.OpenPageAsync(AdminConsentUrl(user, "nonadmin"));
        var returned = await user.SubmitAsync(page.RequestMessage!.RequestUri!.PathAndQuery + "&handler=Cancel", html, DelegatedSignIn.HiddenFields(html));
        var back = await user.GetAsync(returned.Headers.Location!.OriginalString);

        Assert.Contains("Need admin approval", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Accept<", html, StringComparison.Ordinal);
        var answer = DelegatedSignIn.Query(back.Headers.Location!);
        Assert.Equal("access_denied", answer["error"]);
        Assert.StartsWith("AADSTS90094", answer["error_description"], StringComparison.Ordinal);
        Assert.False(answer.ContainsKey("admin_consent"));
    }

    [Fact]
    public async Task A_forged_outcome_without_consent_in_the_store_does_not_return_admin_consent()
    {
        using var admin = await DelegatedSignIn.CreateAsync(gatehouse, "adminconsent-forged", consent: false, role: "Global Administrator");
        await admin.OpenPageAsync("/signin");

        var (page, html) = await admin.OpenPageAsync(AdminConsentUrl(admin, "f") + "&gatehouse_consent=granted");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Accept for your organization", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_AADSTS50011_on_a_page()
    {
        using var admin = await DelegatedSignIn.CreateAsync(gatehouse, "adminconsent-50011", consent: false, role: "Global Administrator");

        var response = await admin.GetAsync(
            $"/{TokenServiceFixture.TenantId}/adminconsent?client_id={admin.Client.AppId}&redirect_uri={Uri.EscapeDataString("https://evil.example/")}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("AADSTS50011", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_ticking_Consent_on_behalf_of_your_organization_spares_colleagues_the_consent_page()
    {
        using var admin = await DelegatedSignIn.CreateAsync(gatehouse, "consent-org", consent: false, role: "Cloud Application Administrator");
        using var colleague = await admin.WithAnotherUserAsync();
        var (_, challenge) = DelegatedSignIn.NewPkce();

        var (page, html) = await admin.OpenPageAsync(admin.AuthorizeUrl(challenge));
        var form = DelegatedSignIn.HiddenFields(html);
        form["ForOrganization"] = "true";
        var accepted = await admin.SubmitAsync(page.RequestMessage!.RequestUri!.PathAndQuery + "&handler=Accept", html, form);
        var adminCode = await admin.GetAsync(accepted.Headers.Location!.OriginalString);
        var colleagueCode = await colleague.AuthorizeAsync(colleague.AuthorizeUrl(challenge));

        Assert.Contains("Consent on behalf of your organization", html, StringComparison.Ordinal);
        Assert.True(DelegatedSignIn.Query(adminCode.Headers.Location!).ContainsKey("code"));
        Assert.True(DelegatedSignIn.Query(colleagueCode.Headers.Location!).ContainsKey("code"), "the colleague was asked to consent");
    }

    private static string AdminConsentUrl(DelegatedSignIn flow, string state, string? v2Scope = null) =>
        v2Scope is null
            ? $"/{TokenServiceFixture.TenantId}/adminconsent?client_id={flow.Client.AppId}&redirect_uri={Uri.EscapeDataString(flow.Redirect)}&state={state}"
            : $"/{TokenServiceFixture.TenantId}/v2.0/adminconsent?client_id={flow.Client.AppId}&redirect_uri={Uri.EscapeDataString(flow.Redirect)}"
                + $"&scope={Uri.EscapeDataString(v2Scope)}&state={state}";
}
