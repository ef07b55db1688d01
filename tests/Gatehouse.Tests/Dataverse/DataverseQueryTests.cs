using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Dataverse;

/// <summary>Query options over raw HTTP on both stores: paging by next link, $expand of lookups, formatted values, $filter.</summary>
public sealed class DataverseQueryTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task Pages_of_maxpagesize_rows_follow_next_links_to_every_row_once(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "paging-admin", "System Administrator");
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await client.CreateAsync("leads", new { subject = $"Paging {i}", lastname = "Paging" }));
        }

        var seen = new List<Guid>();
        string? next = "leads?$select=subject";
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next, ("Prefer", "odata.maxpagesize=2"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("odata.maxpagesize=2", response.Headers.GetValues("Preference-Applied").Single());
            var page = await DataverseClient.JsonAsync(response);
            Assert.True(page.GetProperty("value").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("leadid").GetGuid()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Theory]
    [BothStores]
    public async Task Expand_brings_the_primary_contact_annotations_bring_formatted_values_and_deleting_the_contact_unlinks_it(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "expand-admin", "System Administrator");
        var contact = await client.CreateAsync("contacts", new { firstname = "Yvonne", lastname = "McKay", emailaddress1 = "yvonne@contoso.com" });
        var account = await client.CreateAsync("accounts", new Dictionary<string, object>
        {
            ["name"] = "Adventure Works",
            ["revenue"] = 1234.5m,
            ["primarycontactid@odata.bind"] = $"/contacts({contact})",
        });

        using var response = await client.GetAsync(
            $"accounts({account})?$select=name,revenue,_primarycontactid_value&$expand=primarycontactid($select=fullname,emailaddress1)",
            ("Prefer", "odata.include-annotations=\"*\""));
        var row = await DataverseClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contact, row.GetProperty("_primarycontactid_value").GetGuid());
        Assert.Equal("Yvonne McKay", row.GetProperty("_primarycontactid_value@OData.Community.Display.V1.FormattedValue").GetString());
        Assert.Equal("contact", row.GetProperty("_primarycontactid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.Equal("$1,234.50", row.GetProperty("revenue@OData.Community.Display.V1.FormattedValue").GetString());
        var expanded = row.GetProperty("primarycontactid");
        Assert.Equal("Yvonne McKay", expanded.GetProperty("fullname").GetString());
        Assert.Equal("yvonne@contoso.com", expanded.GetProperty("emailaddress1").GetString());
        Assert.Equal(contact, expanded.GetProperty("contactid").GetGuid());

        using var deleted = await client.DeleteAsync($"contacts({contact})");
        var unlinked = await DataverseClient.JsonAsync(await client.GetAsync($"accounts({account})?$select=name,_primarycontactid_value&$expand=primarycontactid"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unlinked.GetProperty("_primarycontactid_value").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unlinked.GetProperty("primarycontactid").ValueKind);
    }

    [Theory]
    [BothStores]
    public async Task Filter_with_contains_and_orderby_finds_the_matching_rows_and_a_malformed_filter_is_400(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "filter-admin", "System Administrator");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await client.CreateAsync("accounts", new { name = $"Alpine {tag} Ski House", numberofemployees = 10 });
        await client.CreateAsync("accounts", new { name = $"Blue {tag} Yonder", numberofemployees = 500 });
        await client.CreateAsync("accounts", new { name = "Unrelated" });

        var found = await DataverseClient.JsonAsync(await client.GetAsync(
            $"accounts?$select=name&$filter=contains(name,'{tag.ToUpperInvariant()}') and numberofemployees gt 5&$orderby=numberofemployees desc&$count=true"));
        using var malformed = await client.GetAsync("accounts?$filter=name eq 'unterminated");
        using var unknown = await client.GetAsync("accounts?$filter=nosuchcolumn eq 1");
        using var skip = await client.GetAsync("accounts?$skip=10");

        Assert.Equal([$"Blue {tag} Yonder", $"Alpine {tag} Ski House"], found.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(2, found.GetProperty("@odata.count").GetInt32());
        await DataverseClient.AssertErrorAsync(malformed, HttpStatusCode.BadRequest, "0x80060888");
        await DataverseClient.AssertErrorAsync(unknown, HttpStatusCode.BadRequest, "0x80060888");
        await DataverseClient.AssertErrorAsync(skip, HttpStatusCode.BadRequest, "0x80060888");
    }

    [Theory]
    [InlineData("revenue gt 1e400")]
    [InlineData("revenue gt 123456789012345678901234567890123")]
    [InlineData("numberofemployees gt 123456789012345678901234567890123")]
    [InlineData("statecode eq 99999999999")]
    public async Task A_filter_number_its_column_cannot_hold_is_400(string filter)
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "overflow-admin", "System Administrator");

        using var response = await client.GetAsync("accounts?$filter=" + Uri.EscapeDataString(filter));

        await DataverseClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, "0x80060888");
    }
}
