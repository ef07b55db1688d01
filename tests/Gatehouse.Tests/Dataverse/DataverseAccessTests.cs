using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Dataverse;

/// <summary>Who may call, and what security roles allow, on both stores.</summary>
public sealed class DataverseAccessTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task An_app_that_is_not_an_application_user_is_not_a_member_of_the_organization(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        var stranger = await gatehouse.RegisterClientAsync("not-an-app-user");
        using var client = await DataverseClient.AppOnlyAsync(gatehouse, stranger);

        using var whoAmI = await client.GetAsync("WhoAmI");
        using var list = await client.GetAsync("accounts");

        Assert.Equal(DataverseClient.Resource, Jwt.Payload(client.AccessToken).GetProperty("aud").GetString());
        await DataverseClient.AssertErrorAsync(whoAmI, HttpStatusCode.Forbidden, "0x80072560");
        await DataverseClient.AssertErrorAsync(list, HttpStatusCode.Forbidden, "0x80072560");
    }

    [Fact]
    public async Task The_service_root_with_a_verb_it_has_no_route_for_is_404_in_Dataverse_s_error_shape_and_without_a_token_401()
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "root-poster", "System Administrator");
        using var anonymous = new DataverseClient(gatehouse, "");

        using var post = await client.PostAsync("", new { name = "x" });
        using var unauthenticated = await anonymous.PostAsync("", new { name = "x" });

        await DataverseClient.AssertErrorAsync(post, HttpStatusCode.NotFound, "0x80060888");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task A_request_without_a_token_is_told_the_organisation_to_get_a_token_for(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var anonymous = new DataverseClient(gatehouse, "");

        using var refused = await anonymous.GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.EndsWith($", resource_id={DataverseClient.Resource}/", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task A_request_without_a_valid_token_is_challenged(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "tampered-admin", "System Administrator");
        using var tampered = new DataverseClient(gatehouse, client.AccessToken[..^4] + "AAAA");
        using var graphToken = new DataverseClient(gatehouse, (await gatehouse.Msal(await gatehouse.RegisterClientAsync("graph-only"))
            .AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken);

        using var forged = await tampered.GetAsync("WhoAmI");
        using var wrongAudience = await graphToken.GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Contains("authorization_uri=", forged.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LookalikeTokens.All), MemberType = typeof(LookalikeTokens))]
    public async Task Text_that_only_looks_like_a_token_is_challenged(string token)
    {
        var gatehouse = await servers.OnAsync("sqlite");
        using var client = new DataverseClient(gatehouse, token);

        using var response = await client.GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("authorization_uri=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [BothStores]
    public async Task A_salesperson_reads_everyones_accounts_but_writes_only_their_own(string kind)
    {
        var gatehouse = await servers.OnAsync(kind);
        using var admin = await DataverseClient.ApplicationUserAsync(gatehouse, "roles-admin", "System Administrator");
        using var salesperson = await DataverseClient.DelegatedAsync(gatehouse, "salesperson");
        var theirs = await admin.CreateAsync("accounts", new { name = "Admin's account" });

        var me = await DataverseClient.JsonAsync(await salesperson.GetAsync("WhoAmI"));
        using var read = await salesperson.GetAsync($"accounts({theirs})");
        using var write = await salesperson.PatchAsync($"accounts({theirs})", new { name = "Taken over" });
        using var delete = await salesperson.DeleteAsync($"accounts({theirs})");
        var mine = await salesperson.CreateAsync("accounts", new { name = "My account" });
        using var writeMine = await salesperson.PatchAsync($"accounts({mine})", new { telephone1 = "555-0199" });
        using var systemUsers = await salesperson.PatchAsync($"systemusers({me.GetProperty("UserId").GetGuid()})", new { internalemailaddress = "x@contoso.com" });
        var mineRead = await DataverseClient.JsonAsync(await admin.GetAsync($"accounts({mine})"));

        Assert.Equal(DataverseClient.Resource, Jwt.Payload(salesperson.AccessToken).GetProperty("aud").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await DataverseClient.AssertErrorAsync(write, HttpStatusCode.Forbidden, "0x80040220");
        await DataverseClient.AssertErrorAsync(delete, HttpStatusCode.Forbidden, "0x80040220");
        Assert.Equal(HttpStatusCode.NoContent, writeMine.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, systemUsers.StatusCode);
        Assert.Equal(me.GetProperty("UserId").GetGuid(), mineRead.GetProperty("_ownerid_value").GetGuid());
        Assert.Equal("Admin's account", (await DataverseClient.JsonAsync(await admin.GetAsync($"accounts({theirs})"))).GetProperty("name").GetString());
    }
}
