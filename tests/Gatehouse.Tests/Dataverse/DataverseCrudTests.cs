using System.Net;
using System.Net.Http.Headers;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Dataverse;

/// <summary>Create, retrieve, update and delete over raw HTTP as an application user, with ETags and upserts, on both stores.</summary>
public sealed class DataverseCrudTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task An_application_user_creates_reads_updates_and_deletes_an_account(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "crud-admin", "System Administrator");

        var id = await client.CreateAsync("accounts", new { name = "Fourth Coffee", revenue = 5000000m, numberofemployees = 120 });
        var created = await DataverseClient.JsonAsync(await client.GetAsync($"accounts({id})?$select=name,revenue"));
        Assert.Equal("Fourth Coffee", created.GetProperty("name").GetString());
        Assert.Equal(5000000m, created.GetProperty("revenue").GetDecimal());
        Assert.Equal(id, created.GetProperty("accountid").GetGuid());
        Assert.False(created.TryGetProperty("numberofemployees", out _));
        Assert.Equal(client.SystemUserId, (await DataverseClient.JsonAsync(await client.GetAsync($"accounts({id})"))).GetProperty("_ownerid_value").GetGuid());

        using var updated = await client.PatchAsync($"accounts({id})", new { telephone1 = "555-0100" });
        using var deleted = await client.DeleteAsync($"accounts({id})");
        using var gone = await client.GetAsync($"accounts({id})");

        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await DataverseClient.AssertErrorAsync(gone, HttpStatusCode.NotFound, "0x80040217");
    }

    [Theory]
    [BothStores]
    public async Task A_write_with_a_stale_etag_fails_with_412_and_changes_nothing(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "etag-admin", "System Administrator");
        var id = await client.CreateAsync("contacts", new { firstname = "Rene", lastname = "Valdes" });
        var etag = (await DataverseClient.JsonAsync(await client.GetAsync($"contacts({id})"))).GetProperty("@odata.etag").GetString()!;

        using var first = await client.PatchAsync($"contacts({id})", new { jobtitle = "Buyer" }, ("If-Match", etag));
        using var second = await client.PatchAsync($"contacts({id})", new { jobtitle = "Owner" }, ("If-Match", etag));
        using var staleDelete = await client.DeleteAsync($"contacts({id})", ("If-Match", etag));
        var current = await DataverseClient.JsonAsync(await client.GetAsync($"contacts({id})"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await DataverseClient.AssertErrorAsync(second, HttpStatusCode.PreconditionFailed, "0x80060882");
        await DataverseClient.AssertErrorAsync(staleDelete, HttpStatusCode.PreconditionFailed, "0x80060882");
        Assert.Equal("Buyer", current.GetProperty("jobtitle").GetString());
        Assert.Equal("Rene Valdes", current.GetProperty("fullname").GetString());
        Assert.NotEqual(etag, current.GetProperty("@odata.etag").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Patch_upserts_unless_if_match_or_if_none_match_say_otherwise(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "upsert-admin", "System Administrator");
        var missing = Guid.NewGuid();

        using var updateOnly = await client.PatchAsync($"leads({missing})", new { subject = "Never" }, ("If-Match", "*"));
        using var upserted = await client.PatchAsync($"leads({missing})", new { subject = "Trade show", firstname = "Ana" }, ("Prefer", "return=representation"));
        using var createOnly = await client.PatchAsync($"leads({missing})", new { subject = "Again" }, ("If-None-Match", "*"));
        using var posted = await client.PostAsync("opportunities?$select=name", new { name = "Coffee machines", estimatedvalue = 12000m }, ("Prefer", "return=representation"));

        await DataverseClient.AssertErrorAsync(updateOnly, HttpStatusCode.NotFound, "0x80040217");
        Assert.Equal(HttpStatusCode.Created, upserted.StatusCode);
        Assert.Equal(missing, (await DataverseClient.JsonAsync(upserted)).GetProperty("leadid").GetGuid());
        await DataverseClient.AssertErrorAsync(createOnly, HttpStatusCode.PreconditionFailed, "0x80040237");
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Contains("return=representation", posted.Headers.GetValues("Preference-Applied").Single(), StringComparison.Ordinal);
        var opportunity = await DataverseClient.JsonAsync(posted);
        Assert.Equal("Coffee machines", opportunity.GetProperty("name").GetString());
        Assert.False(opportunity.TryGetProperty("estimatedvalue", out _));
    }

    [Theory]
    [BothStores]
    public async Task WhoAmI_names_the_application_user_and_bad_bodies_get_dataverse_errors(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "whoami-admin", "System Administrator");

        var whoAmI = await DataverseClient.JsonAsync(await client.GetAsync("WhoAmI"));
        using var unknownProperty = await client.PostAsync("accounts", new { nosuchcolumn = "x" });
        using var unknownSet = await client.GetAsync("widgets");
        using var badBind = await client.PostAsync("accounts", new Dictionary<string, object> { ["primarycontactid@odata.bind"] = $"/contacts({Guid.NewGuid()})" });

        Assert.Equal(client.SystemUserId, whoAmI.GetProperty("UserId").GetGuid());
        Assert.NotEqual(Guid.Empty, whoAmI.GetProperty("OrganizationId").GetGuid());
        await DataverseClient.AssertErrorAsync(unknownProperty, HttpStatusCode.BadRequest, "0x80048d19");
        await DataverseClient.AssertErrorAsync(unknownSet, HttpStatusCode.NotFound, "0x80060888");
        await DataverseClient.AssertErrorAsync(badBind, HttpStatusCode.NotFound, "0x80040217");
    }

    [Fact]
    public async Task Bodies_that_are_not_what_they_claim_are_400_and_create_nothing()
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "hostile-bodies", "System Administrator");
        using var invalidUtf8 = new ByteArrayContent([.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        invalidUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var noBoundaryInBody = new StringContent("{\"name\":\"not multipart\"}");
        noBoundaryInBody.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_123");

        var before = await AccountCountAsync(client);

        using var row = await client.SendContentAsync(HttpMethod.Post, "accounts", invalidUtf8);
        using var batch = await client.SendContentAsync(HttpMethod.Post, "$batch", noBoundaryInBody);

        await DataverseClient.AssertErrorAsync(row, HttpStatusCode.BadRequest, "0x80048d19");
        await DataverseClient.AssertErrorAsync(batch, HttpStatusCode.BadRequest, "0x80048d19");
        Assert.Equal(before, await AccountCountAsync(client));
    }

    private static async Task<int> AccountCountAsync(DataverseClient client) =>
        (await DataverseClient.JsonAsync(await client.GetAsync("accounts?$select=name"))).GetProperty("value").GetArrayLength();
}
