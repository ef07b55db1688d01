using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Dataverse;

/// <summary>`gatehouse seed` also fills the environment with accounts, contacts, leads and opportunities, on both stores.</summary>
public sealed class DataverseSeedTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task Seeded_accounts_have_primary_contacts_owned_by_sample_people_and_bad_counts_are_refused(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        var refusals = new[]
        {
            await GatehouseCli.RefusedAsync(gatehouse.Store, "seed", "--users", "3", "--accounts", "-1"),
            await GatehouseCli.RefusedAsync(gatehouse.Store, "seed", "--users", "3", "--accounts", "0", "--contacts", "5"),
        };

        var summary = await GatehouseCli.JsonAsync(gatehouse.Store,
            "seed", "--users", "3", "--groups", "0", "--events-per-user", "0", "--accounts", "7", "--contacts", "9", "--leads", "2", "--opportunities", "4", "--seed", "21");
        using var admin = await DataverseClient.ApplicationUserAsync(gatehouse, "seed-reader", "System Administrator");
        using var response = await admin.GetAsync(
            "accounts?$select=name,accountnumber,_ownerid_value&$expand=primarycontactid($select=fullname,_parentcustomerid_value)&$count=true");
        var accounts = await DataverseClient.JsonAsync(response);
        var leads = await DataverseClient.JsonAsync(await admin.GetAsync("leads?$count=true"));
        var opportunities = await DataverseClient.JsonAsync(await admin.GetAsync("opportunities?$count=true"));
        var owners = (await DataverseClient.JsonAsync(await admin.GetAsync("systemusers?$select=systemuserid,domainname"))).GetProperty("value")
            .EnumerateArray().ToDictionary(u => u.GetProperty("systemuserid").GetGuid(), u => u.GetProperty("domainname").GetString());

        Assert.All(refusals, r => Assert.Equal("InvalidValue", r.Code));
        Assert.Equal(7, summary.GetProperty("accounts").GetInt32());
        Assert.Equal(9, summary.GetProperty("contacts").GetInt32());
        Assert.Equal(2, summary.GetProperty("leads").GetInt32());
        Assert.Equal(4, summary.GetProperty("opportunities").GetInt32());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, accounts.GetProperty("@odata.count").GetInt32());
        Assert.Equal(2, leads.GetProperty("@odata.count").GetInt32());
        Assert.Equal(4, opportunities.GetProperty("@odata.count").GetInt32());
        Assert.All(accounts.GetProperty("value").EnumerateArray(), account =>
        {
            Assert.StartsWith("ACC-", account.GetProperty("accountnumber").GetString(), StringComparison.Ordinal);
            Assert.Equal(account.GetProperty("accountid").GetGuid(), account.GetProperty("primarycontactid").GetProperty("_parentcustomerid_value").GetGuid());
            Assert.EndsWith("@contoso.onmicrosoft.com", owners[account.GetProperty("_ownerid_value").GetGuid()], StringComparison.Ordinal);
        });
    }
}
