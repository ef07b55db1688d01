using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.ManagedIdentities;

/// <summary>Managed identities travel in the tenant document: a store rebuilt from it keeps them working.</summary>
public sealed class ManagedIdentityDocumentTests
{
    [Fact]
    public async Task An_imported_system_assigned_identity_keeps_its_header_and_its_roles()
    {
        using var source = TestStore.Sqlite();
        var created = await GatehouseCli.JsonAsync(source, "identity", "create", "--name", "moved");
        await GatehouseCli.JsonAsync(source, "identity", "grant", "--identity", "moved", "--api", "Microsoft Graph", "--permission", "User.Read.All");
        var document = await GatehouseCli.ExportAsync(source);
        Assert.DoesNotContain(created.GetProperty("identityHeader").GetString()!, document);

        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite());
        await GatehouseCli.JsonAsync(gatehouse.Store, "tenant", "import", gatehouse.Store.WriteFile("moved.json", document));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com");
        request.Headers.Add("X-IDENTITY-HEADER", created.GetProperty("identityHeader").GetString());
        using var response = await gatehouse.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(created.GetProperty("clientId").GetString(), body.GetProperty("client_id").GetString());
        var claims = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(created.GetProperty("principalId").GetString(), claims.GetProperty("oid").GetString());
        Assert.Equal(["User.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
