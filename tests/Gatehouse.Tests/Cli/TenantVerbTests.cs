using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant create | list | show | delete`: more tenants on one server, each with its own administrator.</summary>
public sealed class TenantVerbTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_new_tenants_administrator_signs_in_there_and_consents_for_a_multi_tenant_app_of_another_tenant(string store)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        var domain = $"fabrikam{Guid.NewGuid():N}"[..20] + ".onmicrosoft.com";
        var created = await GatehouseCli.JsonAsync(gatehouse.Store, "tenant", "create", "--name", "Fabrikam", "--domain", domain);
        var tenantId = created.GetProperty("tenantId").GetString()!;
        var admin = created.GetProperty("administrator");
        var (upn, password) = (admin.GetProperty("userPrincipalName").GetString()!, admin.GetProperty("password").GetString()!);
        Assert.Equal("admin@" + domain, upn);

        var desktop = (await GatehouseCli.JsonAsync(gatehouse.Store, "app", "create", "--name", "Fabrikam desktop", "--public-client-redirect-uri", DelegatedSignIn.NativeClientRedirectUri,
            "--allow-public-client-flows", "--tenant", domain)).GetProperty("appId").GetString()!;
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", desktop, "--api", "Microsoft Graph", "--permission", "User.Read", "--type", "Delegated", "--tenant", domain);
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", desktop, "--tenant", domain);
        using var signedIn = await gatehouse.PostTokenAsync(tenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = desktop, ["username"] = upn, ["password"] = password, ["scope"] = "User.Read",
        });
        var token = await signedIn.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(signedIn.IsSuccessStatusCode, token.ToString());
        var claims = Jwt.Payload(token.GetProperty("access_token").GetString()!);
        Assert.Equal((tenantId, upn), (claims.GetProperty("tid").GetString(), claims.GetProperty("upn").GetString()));

        // A multi-tenant app of the default tenant, with an application permission, consented by Fabrikam's administrator.
        using var app = await DelegatedSignIn.CreateAsync(gatehouse, "multi-tenant", consent: false, signInAudience: "AzureADMultipleOrgs");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", app.Client.AppId, "--api", "Microsoft Graph", "--permission", "User.Read.All", "--type", "Application");
        await Assert.ThrowsAsync<MsalServiceException>(() =>
            gatehouse.Msal(app.Client, tenantId).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(Ct));
        using var fabrikamAdmin = app.AsUser(upn, password);
        var (page, html) = await fabrikamAdmin.OpenPageAsync(
            $"/{tenantId}/adminconsent?client_id={app.Client.AppId}&redirect_uri={Uri.EscapeDataString(app.Redirect)}&state=s1");
        var accepted = await fabrikamAdmin.SubmitAsync(page.RequestMessage!.RequestUri!.PathAndQuery + "&handler=Accept", html, DelegatedSignIn.HiddenFields(html));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var appOnly = await gatehouse.Msal(app.Client, tenantId).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(Ct);
        var appClaims = Jwt.Payload(appOnly.AccessToken);
        Assert.Equal(tenantId, appClaims.GetProperty("tid").GetString());
        Assert.Equal("User.Read.All", appClaims.GetProperty("roles")[0].GetString());
    }

    [Theory]
    [BothStores]
    public async Task Tenants_are_listed_shown_by_id_or_domain_and_deleted_but_never_the_default_one(string store)
    {
        using var testStore = TestStore.Create(store);
        var defaultTenant = (await GatehouseCli.JsonAsync(testStore, "tenant", "show")).GetProperty("tenantId").GetString()!;
        var created = await GatehouseCli.JsonAsync(testStore, "tenant", "create", "--name", "Northwind", "--domain", "northwind.onmicrosoft.com");
        var tenantId = created.GetProperty("tenantId").GetString()!;
        await GatehouseCli.JsonAsync(testStore, "user", "create", "--upn", "ada@northwind.onmicrosoft.com", "--password", "Gh-7d1f0c2b9e4a-Q7", "--tenant", tenantId);

        var listed = await GatehouseCli.JsonAsync(testStore, "tenant", "list");
        var byDomain = await GatehouseCli.JsonAsync(testStore, "tenant", "show", "northwind.onmicrosoft.com");
        var byId = await GatehouseCli.JsonAsync(testStore, "tenant", "show", tenantId);
        var refused = await GatehouseCli.RefusedAsync(testStore, "tenant", "delete", defaultTenant);
        var deleted = await GatehouseCli.JsonAsync(testStore, "tenant", "delete", "northwind.onmicrosoft.com");
        var gone = await GatehouseCli.RefusedAsync(testStore, "tenant", "show", tenantId);
        var left = await GatehouseCli.JsonAsync(testStore, "tenant", "list");
        var lastRefused = await GatehouseCli.RefusedAsync(testStore, "tenant", "delete", defaultTenant);

        Assert.Equal([defaultTenant, tenantId], listed.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("tenantId").GetString()));
        Assert.Equal(("Northwind", tenantId), (byDomain.GetProperty("displayName").GetString(), byDomain.GetProperty("tenantId").GetString()));
        Assert.Equal("northwind.onmicrosoft.com", byId.GetProperty("defaultDomain").GetString());
        Assert.Contains("default tenant", refused.Message, StringComparison.Ordinal);
        Assert.Equal(tenantId, deleted.GetProperty("tenantId").GetString());
        Assert.Equal("NotFound", gone.Code);
        Assert.Equal(defaultTenant, Assert.Single(left.GetProperty("value").EnumerateArray()).GetProperty("tenantId").GetString());
        Assert.Equal("InvalidValue", lastRefused.Code);

        // Nothing of the deleted directory is left behind: its domain and its users' names are free again.
        var again = await GatehouseCli.JsonAsync(testStore, "tenant", "create", "--name", "Northwind", "--domain", "northwind.onmicrosoft.com");
        await GatehouseCli.JsonAsync(testStore, "user", "create", "--upn", "ada@northwind.onmicrosoft.com", "--password", "Gh-7d1f0c2b9e4a-Q7",
            "--tenant", again.GetProperty("tenantId").GetString()!);
    }

    [Theory]
    [BothStores]
    public async Task A_tenant_created_with_the_clock_moved_back_does_not_become_the_default_one(string store)
    {
        using var testStore = TestStore.Create(store);
        var defaultTenant = (await GatehouseCli.JsonAsync(testStore, "tenant", "show")).GetProperty("tenantId").GetString()!;
        testStore.Clock.Advance(TimeSpan.FromDays(-30));

        await GatehouseCli.JsonAsync(testStore, "tenant", "create", "--name", "Northwind", "--domain", "northwind.onmicrosoft.com");

        Assert.Equal(defaultTenant, (await GatehouseCli.JsonAsync(testStore, "tenant", "show")).GetProperty("tenantId").GetString());
    }

    [Theory]
    [BothStores]
    public async Task A_bad_or_taken_domain_is_refused_with_a_clear_reason_and_nothing_is_created(string store)
    {
        using var testStore = TestStore.Create(store);
        var before = await GatehouseCli.JsonAsync(testStore, "tenant", "list");

        var bad = await GatehouseCli.RefusedAsync(testStore, "tenant", "create", "--name", "Bad", "--domain", "not a domain");
        var taken = await GatehouseCli.RefusedAsync(testStore, "tenant", "create", "--name", "Taken", "--domain", TokenServiceFixture.TenantDomain);
        var after = await GatehouseCli.JsonAsync(testStore, "tenant", "list");

        Assert.Equal(("InvalidValue", "'not a domain' is not a valid domain name."), (bad.Code, bad.Message));
        Assert.Equal("Conflict", taken.Code);
        Assert.Contains(TokenServiceFixture.TenantDomain, taken.Message, StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }
}
