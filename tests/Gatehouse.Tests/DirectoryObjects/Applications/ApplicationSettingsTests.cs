using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Applications;

/// <summary>
/// Branding and Authentication as the portal saves them: each change reads back from a fresh scope on both stores, and
/// a refusal leaves the app as it was.
/// </summary>
public sealed class ApplicationSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Branding_renames_the_app_and_its_service_principal_and_sets_the_home_page(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll"));

        var saved = await SettingsAsync(harness, id, (s, app) => s.SetBrandingAsync(app, new ApplicationBranding("  Payroll v2  ", "https://payroll.example.com/"), Ct));

        Assert.True(saved.Succeeded, saved.Error?.Message);
        var app = await ReadAsync(harness, id);
        Assert.Equal("Payroll v2", app.DisplayName);
        Assert.Equal("https://payroll.example.com/", app.WebHomePageUrl);
        var servicePrincipal = await harness.RunAsync(s => s.GetRequiredService<ServicePrincipalDirectory>().FindByAppIdAsync(harness.Tenant.Id, app.AppId, Ct));
        Assert.Equal("Payroll v2", servicePrincipal?.DisplayName);
    }

    [Theory]
    [StoreRow("sqlite", "", null)]
    [StoreRow("sqlite", "Payroll", "ftp://payroll.example.com/")]
    [StoreRow("sqlite", "Payroll", "payroll.example.com")]
    [StoreRow("postgres", "   ", null)]
    [StoreRow("postgres", "Payroll", "ftp://payroll.example.com/")]
    public async Task Branding_with_an_empty_name_or_a_home_page_that_is_not_http_is_refused_and_changes_nothing(string kind, string name, string? homePage)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll"));

        var saved = await SettingsAsync(harness, id, (s, app) => s.SetBrandingAsync(app, new ApplicationBranding(name, homePage), Ct));

        Assert.Equal(DirectoryErrorKind.InvalidValue, saved.Error?.Kind);
        var app = await ReadAsync(harness, id);
        Assert.Equal("Payroll", app.DisplayName);
        Assert.Null(app.WebHomePageUrl);
    }

    [Theory]
    [BothStores]
    public async Task Branding_name_of_120_characters_is_kept_and_of_121_is_refused(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll"));
        var longest = new string('n', ApplicationRegistrations.MaximumDisplayNameLength);

        var kept = await SettingsAsync(harness, id, (s, app) => s.SetBrandingAsync(app, new ApplicationBranding(longest, null), Ct));
        var refused = await SettingsAsync(harness, id, (s, app) => s.SetBrandingAsync(app, new ApplicationBranding(longest + "n", null), Ct));

        Assert.True(kept.Succeeded, kept.Error?.Message);
        Assert.Equal(DirectoryErrorKind.InvalidValue, refused.Error?.Kind);
        Assert.Equal(longest, (await ReadAsync(harness, id)).DisplayName);
    }

    [Theory]
    [BothStores]
    public async Task Redirect_uris_added_to_each_platform_are_saved_and_a_removed_one_is_gone(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll", WebRedirectUris: ["https://payroll.example.com/signin-oidc"]));

        foreach (var (platform, uri) in new[]
        {
            (RedirectPlatform.Web, "https://payroll.example.com/signin-oidc-2"),
            (RedirectPlatform.Spa, "http://localhost:3000/"),
            (RedirectPlatform.PublicClient, "msalpayroll://auth"),
        })
        {
            var added = await SettingsAsync(harness, id, (s, app) => s.AddRedirectUriAsync(app, platform, uri, Ct));
            Assert.True(added.Succeeded, added.Error?.Message);
        }

        var removed = await SettingsAsync(harness, id, (s, app) => s.RemoveRedirectUriAsync(app, RedirectPlatform.Web, "https://payroll.example.com/signin-oidc", Ct));

        Assert.True(removed.Succeeded, removed.Error?.Message);
        var read = await ReadAsync(harness, id);
        Assert.Equal(["https://payroll.example.com/signin-oidc-2"], read.WebRedirectUris);
        Assert.Equal(["http://localhost:3000/"], read.SpaRedirectUris);
        Assert.Equal(["msalpayroll://auth"], read.PublicClientRedirectUris);
    }

    [Theory]
    [StoreRow("sqlite", "Web", "https://payroll.example.com/signin-oidc", "Conflict")]
    [StoreRow("postgres", "Spa", "https://payroll.example.com/signin-oidc", "Conflict")]
    [StoreRow("sqlite", "Web", "http://payroll.example.com/signin-oidc", "InvalidValue")]
    [StoreRow("postgres", "Spa", "https://*.example.com/", "InvalidValue")]
    [StoreRow("sqlite", "PublicClient", "/relative", "InvalidValue")]
    [StoreRow("postgres", "Web", "  ", "InvalidValue")]
    [StoreRow("sqlite", "7", "https://payroll.example.com/other", "InvalidValue")]
    public async Task Redirect_uri_that_is_taken_or_breaks_a_rule_is_refused_and_changes_nothing(string kind, string platformName, string uri, string expectedKind)
    {
        var platform = Enum.Parse<RedirectPlatform>(platformName);
        var expected = Enum.Parse<DirectoryErrorKind>(expectedKind);
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll", WebRedirectUris: ["https://payroll.example.com/signin-oidc"]));

        var added = await SettingsAsync(harness, id, (s, app) => s.AddRedirectUriAsync(app, platform, uri, Ct));

        Assert.Equal(expected, added.Error?.Kind);
        var read = await ReadAsync(harness, id);
        Assert.Equal(["https://payroll.example.com/signin-oidc"], read.WebRedirectUris);
        Assert.Empty(read.SpaRedirectUris);
        Assert.Empty(read.PublicClientRedirectUris);
    }

    [Theory]
    [BothStores]
    public async Task Removing_a_redirect_uri_the_platform_does_not_have_is_not_found(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll", WebRedirectUris: ["https://payroll.example.com/signin-oidc"]));

        var removed = await SettingsAsync(harness, id, (s, app) => s.RemoveRedirectUriAsync(app, RedirectPlatform.Spa, "https://payroll.example.com/signin-oidc", Ct));

        Assert.Equal(DirectoryErrorKind.NotFound, removed.Error?.Kind);
        Assert.Equal(["https://payroll.example.com/signin-oidc"], (await ReadAsync(harness, id)).WebRedirectUris);
    }

    [Theory]
    [BothStores]
    public async Task App_signing_in_personal_accounts_takes_its_100th_redirect_uri_and_refuses_the_101st(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var existing = Enumerable.Range(1, ApplicationSettings.MaximumRedirectUrisWithPersonalAccounts - 1).Select(n => $"https://payroll.example.com/{n}").ToList();
        var id = await CreateAsync(harness, new NewApplication("Payroll", Application.MultiTenantAndPersonal, WebRedirectUris: existing));

        var hundredth = await SettingsAsync(harness, id, (s, app) => s.AddRedirectUriAsync(app, RedirectPlatform.Spa, "https://payroll.example.com/100", Ct));
        var hundredAndFirst = await SettingsAsync(harness, id, (s, app) => s.AddRedirectUriAsync(app, RedirectPlatform.Spa, "https://payroll.example.com/101", Ct));

        Assert.True(hundredth.Succeeded, hundredth.Error?.Message);
        Assert.Equal(DirectoryErrorKind.PolicyViolation, hundredAndFirst.Error?.Kind);
        Assert.Equal(["https://payroll.example.com/100"], (await ReadAsync(harness, id)).SpaRedirectUris);
    }

    [Theory]
    [BothStores]
    public async Task Authentication_settings_are_saved_and_a_blank_logout_url_clears_it(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll"));

        var saved = await SettingsAsync(harness, id, (s, app) =>
            s.SetAuthenticationAsync(app, new AuthenticationSettings("https://payroll.example.com/logout", Application.MultiTenant, AllowPublicClientFlows: true), Ct));

        Assert.True(saved.Succeeded, saved.Error?.Message);
        var read = await ReadAsync(harness, id);
        Assert.Equal("https://payroll.example.com/logout", read.WebLogoutUrl);
        Assert.Equal(Application.MultiTenant, read.SignInAudience);
        Assert.True(read.IsFallbackPublicClient);

        var cleared = await SettingsAsync(harness, id, (s, app) =>
            s.SetAuthenticationAsync(app, new AuthenticationSettings(" ", Application.SingleTenant, AllowPublicClientFlows: false), Ct));

        Assert.True(cleared.Succeeded, cleared.Error?.Message);
        read = await ReadAsync(harness, id);
        Assert.Null(read.WebLogoutUrl);
        Assert.Equal(Application.SingleTenant, read.SignInAudience);
        Assert.False(read.IsFallbackPublicClient);
    }

    [Theory]
    [StoreRow("sqlite", "http://localhost:5000/logout", true)]
    [StoreRow("postgres", "http://127.0.0.1:5000/logout", true)]
    [StoreRow("sqlite", "http://payroll.example.com/logout", false)]
    [StoreRow("postgres", "payroll.example.com/logout", false)]
    [StoreRow("sqlite", "/logout", false)]
    public async Task Logout_url_must_be_https_or_http_on_localhost(string kind, string logoutUrl, bool accepted)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll"));

        var saved = await SettingsAsync(harness, id, (s, app) =>
            s.SetAuthenticationAsync(app, new AuthenticationSettings(logoutUrl, Application.SingleTenant, AllowPublicClientFlows: true), Ct));

        var read = await ReadAsync(harness, id);
        if (accepted)
        {
            Assert.True(saved.Succeeded, saved.Error?.Message);
            Assert.Equal(logoutUrl, read.WebLogoutUrl);
        }
        else
        {
            Assert.Equal(DirectoryErrorKind.InvalidValue, saved.Error?.Kind);
            Assert.Null(read.WebLogoutUrl);
            Assert.False(read.IsFallbackPublicClient);
        }
    }

    [Theory]
    [BothStores]
    public async Task Unknown_account_type_is_refused(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll"));

        var saved = await SettingsAsync(harness, id, (s, app) =>
            s.SetAuthenticationAsync(app, new AuthenticationSettings(null, "AzureADEveryone", AllowPublicClientFlows: false), Ct));

        Assert.Equal(DirectoryErrorKind.InvalidValue, saved.Error?.Kind);
        Assert.Equal(Application.SingleTenant, (await ReadAsync(harness, id)).SignInAudience);
    }

    [Theory]
    [BothStores]
    public async Task App_with_more_than_100_redirect_uris_cannot_switch_to_personal_accounts(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var uris = Enumerable.Range(1, ApplicationSettings.MaximumRedirectUrisWithPersonalAccounts + 1).Select(n => $"https://payroll.example.com/{n}").ToList();
        var id = await CreateAsync(harness, new NewApplication("Payroll", WebRedirectUris: uris));

        var saved = await SettingsAsync(harness, id, (s, app) =>
            s.SetAuthenticationAsync(app, new AuthenticationSettings(null, Application.MultiTenantAndPersonal, AllowPublicClientFlows: false), Ct));

        Assert.Equal(DirectoryErrorKind.PolicyViolation, saved.Error?.Kind);
        Assert.Equal(Application.SingleTenant, (await ReadAsync(harness, id)).SignInAudience);
    }

    [Theory]
    [BothStores]
    public async Task Implicit_grant_tokens_are_saved_from_Authentication_and_round_trip_through_the_manifest(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var id = await CreateAsync(harness, new NewApplication("Payroll", EnableIdTokenIssuance: true));

        var saved = await SettingsAsync(harness, id, (s, app) => s.SetAuthenticationAsync(
            app, new AuthenticationSettings(null, Application.SingleTenant, AllowPublicClientFlows: false, EnableIdTokenIssuance: false, EnableAccessTokenIssuance: true), Ct));
        var afterBlade = await ReadAsync(harness, id);
        var manifest = JsonNode.Parse(ApplicationManifest.Render(afterBlade))!;
        var shown = manifest["web"]!["implicitGrantSettings"]!.DeepClone();
        manifest["web"]!["implicitGrantSettings"] = new JsonObject { ["enableIdTokenIssuance"] = true, ["enableAccessTokenIssuance"] = false };
        var applied = await harness.RunAsync(async s => await s.GetRequiredService<ApplicationManifest>().ApplyAsync(await FindAsync(s, harness, id), manifest.ToJsonString(), Ct));
        var afterManifest = await ReadAsync(harness, id);

        Assert.True(saved.Succeeded, saved.Error?.Message);
        Assert.Equal((false, true), (afterBlade.EnableIdTokenIssuance, afterBlade.EnableAccessTokenIssuance));
        Assert.Equal((false, true), ((bool)shown["enableIdTokenIssuance"]!, (bool)shown["enableAccessTokenIssuance"]!));
        Assert.True(applied.Succeeded, applied.Error?.Message);
        Assert.Equal((true, false), (afterManifest.EnableIdTokenIssuance, afterManifest.EnableAccessTokenIssuance));
    }

    private static async Task<Guid> CreateAsync(DirectoryHarness harness, NewApplication request)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<ApplicationRegistrations>().CreateAsync(harness.Tenant.Id, request, Ct));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value.Id;
    }

    /// <summary>Opens the app and acts on it in one scope, as a portal request does.</summary>
    private static Task<Outcome<Application, DirectoryError>> SettingsAsync(
        DirectoryHarness harness, Guid id, Func<ApplicationSettings, Application, Task<Outcome<Application, DirectoryError>>> act) =>
        harness.RunAsync(async s => await act(s.GetRequiredService<ApplicationSettings>(), await FindAsync(s, harness, id)));

    private static Task<Application> ReadAsync(DirectoryHarness harness, Guid id) => harness.RunAsync(s => FindAsync(s, harness, id));

    private static async Task<Application> FindAsync(IServiceProvider services, DirectoryHarness harness, Guid id)
    {
        var found = await services.GetRequiredService<ApplicationRegistrations>().FindAsync(harness.Tenant.Id, id.ToString(), Ct);
        Assert.True(found.Succeeded, found.Error?.Message);
        return found.Value;
    }
}
