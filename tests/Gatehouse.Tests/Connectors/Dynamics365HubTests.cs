using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>
/// The seed document's Dynamics 365 connector against this Gatehouse's Dataverse: instances authenticated with the
/// app's API key and secret (an application user for app-only, a signed-in user for delegated), the CRM hub
/// resources with `where` and paging, and the passthrough proxy.
/// </summary>
public sealed class Dynamics365HubTests
{
    private const string Organization = "contoso.crm.dynamics.com";

    [Theory]
    [BothStores]
    public async Task A_client_credentials_instance_lists_accounts_by_where_pages_and_keeps_a_contact(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store);
        var applicationUser = await GatehouseCli.JsonAsync(scenario.Store, "dataverse", "app-user", "add", "--app", scenario.App.AppId, "--role", "System Administrator");
        var (id, token) = await scenario.CreateAppOnlyInstanceAsync("dynamics365", Organization);
        foreach (var name in new[] { "Northwind Traders", "Northwind Foods", "Fabrikam" })
        {
            var (created, account) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/accounts", new { name, numberofemployees = name.Length }, token);
            Assert.True(created == 201, account.ToString());
            Assert.Equal(name, account.GetProperty("name").GetString());
        }

        var (listed, northwind) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/accounts?where={Uri.EscapeDataString("name like 'Northwind%'")}", instanceToken: token);
        var (_, either) = await scenario.Hub.JsonAsync(HttpMethod.Get,
            $"/accounts?where={Uri.EscapeDataString("name = 'Fabrikam' or (name like '%Foods' and numberofemployees >= 15)")}", instanceToken: token);

        Assert.Equal(200, listed);
        Assert.Equal(["Northwind Foods", "Northwind Traders"], Names(northwind).Order());
        Assert.Equal(["Fabrikam", "Northwind Foods"], Names(either).Order());

        using var first = await scenario.Hub.SendAsync(HttpMethod.Get, $"/accounts?pageSize=1&where={Uri.EscapeDataString("name like 'Northwind%'")}", instanceToken: token);
        var next = Assert.Single(first.Headers.GetValues("Elements-Next-Page-Token"));
        using var second = await scenario.Hub.SendAsync(HttpMethod.Get, $"/accounts?nextPage={next}", instanceToken: token);
        var pages = Names(await Json(first)).Concat(Names(await Json(second))).ToList();
        Assert.Equal(["Northwind Foods", "Northwind Traders"], pages.Order());
        Assert.False(second.Headers.Contains("Elements-Next-Page-Token"));

        var (posted, contact) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/contacts", new { firstname = "Nancy", lastname = "Davolio", emailaddress1 = "nancy@northwind.example" }, token);
        Assert.Equal(201, posted);
        var contactId = contact.GetProperty("contactid").GetString();
        var (_, read) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/contacts/{contactId}", instanceToken: token);
        var (patched, changed) = await scenario.Hub.JsonAsync(HttpMethod.Patch, $"/contacts/{contactId}", new { jobtitle = "Buyer" }, token);
        var (deleted, _) = await scenario.Hub.JsonAsync(HttpMethod.Delete, $"/contacts/{contactId}", instanceToken: token);
        var (gone, error) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/contacts/{contactId}", instanceToken: token);

        Assert.Equal("Nancy Davolio", read.GetProperty("fullname").GetString());
        Assert.Equal(applicationUser.GetProperty("systemuserid").GetString(), read.GetProperty("_ownerid_value").GetString());
        Assert.Equal(200, patched);
        Assert.Equal("Buyer", changed.GetProperty("jobtitle").GetString());
        Assert.Equal(204, deleted);
        Assert.Equal(404, gone);
        Assert.Equal("0x80040217", error.GetProperty("providerCode").GetString());

        var (missingStatus, _) = await scenario.Hub.JsonAsync(HttpMethod.Patch, $"/leads/{Guid.NewGuid()}", new { subject = "Not created" }, token);
        Assert.Equal(404, missingStatus);

        var instance = await scenario.Hub.GetInstanceAsync(id);
        Assert.Equal("https://" + Organization, instance.GetProperty("configuration").GetProperty("dynamics.tenant").GetString());
        Assert.Equal("https://contoso.crm.dynamics.com/.default", instance.GetProperty("configuration").GetProperty("oauth.scope").GetString());
    }

    [Theory]
    [BothStores]
    public async Task A_delegated_instance_acts_as_the_signed_in_user_through_resources_and_the_proxy(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store);
        await GatehouseCli.JsonAsync(scenario.Store, "app", "permission", "add", "--app", scenario.App.AppId, "--api", "Dynamics CRM", "--permission", "user_impersonation", "--type", "Delegated");
        await GatehouseCli.JsonAsync(scenario.Store, "app", "consent", "--app", scenario.App.AppId);
        var (_, token) = await scenario.CreateDelegatedInstanceAsync(events: false, "dynamics365", "https://" + Organization);

        var (createdAccount, _) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/accounts", new { name = "Alpine Ski House" }, token);
        var (createdContact, contact) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/contacts", new { firstname = "Ana", lastname = "Trujillo" }, token);
        var (listed, accounts) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/accounts?where={Uri.EscapeDataString("name like '%Ski%'")}", instanceToken: token);
        var (whoAmIStatus, whoAmI) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/WhoAmI", instanceToken: token);
        var userId = whoAmI.GetProperty("UserId").GetString();
        var (_, me) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/proxy/systemusers({userId})?$select=domainname", instanceToken: token);

        Assert.Equal(201, createdAccount);
        Assert.Equal(201, createdContact);
        Assert.Equal(200, listed);
        Assert.Equal("Alpine Ski House", Assert.Single(Names(accounts)));
        Assert.Equal(200, whoAmIStatus);
        Assert.Equal(scenario.SignIn.Upn, me.GetProperty("domainname").GetString());
        Assert.Equal(userId, contact.GetProperty("_ownerid_value").GetString());
        Assert.Equal(userId, Assert.Single(accounts.EnumerateArray()).GetProperty("_ownerid_value").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Both_kinds_of_instance_are_refreshed_for_the_organisation_and_keep_working(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, HubScenario.QuickRefresh);
        await GatehouseCli.JsonAsync(scenario.Store, "dataverse", "app-user", "add", "--app", scenario.App.AppId, "--role", "System Administrator");
        await GatehouseCli.JsonAsync(scenario.Store, "app", "permission", "add", "--app", scenario.App.AppId, "--api", "Dynamics CRM", "--permission", "user_impersonation", "--type", "Delegated");
        await GatehouseCli.JsonAsync(scenario.Store, "app", "consent", "--app", scenario.App.AppId);
        var appOnly = await scenario.CreateAppOnlyInstanceAsync("dynamics365", Organization);
        var delegated = await scenario.CreateDelegatedInstanceAsync(events: false, "dynamics365", Organization);

        scenario.MoveIntoRefreshWindow();
        foreach (var (id, token) in new[] { appOnly, delegated })
        {
            var instance = await scenario.Hub.WaitForInstanceAsync(id, i => i.GetProperty("health").GetProperty("refreshCount").GetInt32() >= 1, TimeSpan.FromSeconds(40));
            var (status, whoAmI) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/WhoAmI", instanceToken: token);

            Assert.Equal("healthy", instance.GetProperty("health").GetProperty("state").GetString());
            Assert.Equal(200, status);
            Assert.True(whoAmI.TryGetProperty("UserId", out _));
        }
    }

    [Fact]
    public async Task The_element_needs_an_organisation_and_a_where_it_cannot_translate_is_a_400()
    {
        await using var scenario = await HubScenario.StartAsync("sqlite");
        await GatehouseCli.JsonAsync(scenario.Store, "dataverse", "app-user", "add", "--app", scenario.App.AppId, "--role", "System Administrator");

        var (_, elements) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/elements");
        var dynamics = Assert.Single(elements.EnumerateArray(), e => e.GetProperty("key").GetString() == "dynamics365");
        Assert.Contains("dynamics.tenant", dynamics.GetProperty("configuration").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        var (noOrganization, _) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/elements/dynamics365/oauth/url?apiKey={scenario.App.AppId}&callbackUrl={Uri.EscapeDataString(DelegatedSignIn.RedirectUri)}");
        var (_, oauthUrl) = await scenario.Hub.JsonAsync(HttpMethod.Get,
            $"/elements/dynamics365/oauth/url?apiKey={scenario.App.AppId}&callbackUrl={Uri.EscapeDataString(DelegatedSignIn.RedirectUri)}&dynamics.tenant={Organization}");
        Assert.Equal(400, noOrganization);
        var scope = DelegatedSignIn.Query(new Uri(oauthUrl.GetProperty("oauthUrl").GetString()!))["scope"];
        Assert.Contains("https://contoso.crm.dynamics.com/user_impersonation", scope.Split(' '));
        Assert.Contains("offline_access", scope.Split(' '));

        var configuration = scenario.Configuration(events: false);
        configuration["oauth.grant.type"] = "client_credentials";
        var (missing, missingError) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "dynamics365" }, configuration });
        configuration["dynamics.tenant"] = "https://contoso.crm.dynamics.com/some/path";
        var (withPath, _) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new { element = new { key = "dynamics365" }, configuration });
        Assert.Equal(400, missing);
        Assert.Contains("dynamics.tenant", missingError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, withPath);

        var (_, token) = await scenario.CreateAppOnlyInstanceAsync("dynamics365", Organization);
        var (unbalanced, unbalancedError) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/accounts?where={Uri.EscapeDataString("(name = 'x'")}", instanceToken: token);
        var (badOperator, badOperatorError) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/accounts?where={Uri.EscapeDataString("name ~ 'x'")}", instanceToken: token);
        var (unknownField, unknownFieldError) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/accounts?where={Uri.EscapeDataString("nosuchcolumn = 'x'")}", instanceToken: token);
        var (noItems, _) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/calendars", instanceToken: token);

        Assert.Equal(400, unbalanced);
        Assert.Contains("unbalanced", unbalancedError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, badOperator);
        Assert.Contains("'~'", badOperatorError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, unknownField);
        Assert.Contains("nosuchcolumn", unknownFieldError.GetProperty("providerMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, noItems);
    }

    private static IEnumerable<string> Names(JsonElement items) => items.EnumerateArray().Select(a => a.GetProperty("name").GetString()!);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
