using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Tests.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Identity.Client;

namespace Gatehouse.Tests.Cli;

/// <summary>`gatehouse tenant create | list | show | delete`: more tenants on one server, each with its own administrator.</summary>
public sealed class TenantVerbTests
{
    private static readonly string[] TablesFilledBeforeDeletion = ["Users", "RefreshTokens", "SignInLogs", "DirectoryAudits", "DataverseAccounts", "DataverseSystemUsers"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_new_tenants_administrator_signs_in_there_and_consents_for_a_multi_tenant_app_of_another_tenant(string store)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        var fabrikam = await CreatedTenant.CreateAsync(gatehouse.Store, "Fabrikam");
        var (tenantId, upn, password) = (fabrikam.TenantId, fabrikam.AdministratorUpn, fabrikam.AdministratorPassword);
        Assert.Equal("admin@" + fabrikam.Domain, upn);

        var desktop = await fabrikam.RegisterDesktopAppAsync(gatehouse.Store, "Fabrikam desktop");
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
    public async Task Deleting_a_tenant_leaves_no_row_of_it_in_any_table(string store)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        var contoso = await CreatedTenant.CreateAsync(gatehouse.Store, "Contoso");
        var tenantId = Guid.Parse(contoso.TenantId);
        await GatehouseCli.JsonAsync(gatehouse.Store, "seed", "--users", "3", "--groups", "1", "--events-per-user", "1",
            "--accounts", "2", "--contacts", "2", "--leads", "1", "--opportunities", "1", "--tenant", contoso.Domain);
        var desktop = await contoso.RegisterDesktopAppAsync(gatehouse.Store, "Contoso desktop");
        using var signedIn = await gatehouse.PostTokenAsync(contoso.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = desktop, ["scope"] = "User.Read offline_access",
            ["username"] = contoso.AdministratorUpn, ["password"] = contoso.AdministratorPassword,
        });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var before = await TenantRowsAsync(gatehouse.Store, tenantId, until: rows => rows.GetValueOrDefault("SignInLogs") > 0);

        await GatehouseCli.JsonAsync(gatehouse.Store, "tenant", "delete", contoso.Domain);
        var after = await TenantRowsAsync(gatehouse.Store, tenantId, until: _ => true);

        Assert.All(TablesFilledBeforeDeletion, table => Assert.True(before.GetValueOrDefault(table) > 0, $"{table} held no row of the tenant before it was deleted"));
        Assert.Equal([], after.Where(t => t.Value > 0).Select(t => t.Key));
    }

    /// <summary>
    /// How many rows of the tenant every table with a TenantId column holds, read until <paramref name="until"/> holds
    /// (the sign-in log is saved within a second of the request) or ten seconds have passed.
    /// </summary>
    private static async Task<Dictionary<string, long>> TenantRowsAsync(TestStore store, Guid tenantId, Func<Dictionary<string, long>, bool> until)
    {
        var rows = new Dictionary<string, long>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = StoreDb.Open(store);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("TenantId") is not null && e.GetTableName() is not null))
            {
                var column = entity.FindProperty("TenantId")!;
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{entity.GetTableName()}\" WHERE \"{column.GetColumnName()}\" = @tenant";
                command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, "@tenant", tenantId));
                rows[entity.GetTableName()!] = Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (until(rows))
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        return rows;
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
