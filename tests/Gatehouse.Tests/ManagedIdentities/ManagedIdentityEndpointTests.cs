using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;

namespace Gatehouse.Tests.ManagedIdentities;

/// <summary>The managed identity endpoints on the wire, as a script on an Azure VM or in App Service calls them.</summary>
public sealed class ManagedIdentityEndpointTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task IMDS_answers_with_the_identitys_token_and_every_number_as_a_string(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("vm", userAssigned: true, graphPermissions: "User.Read.All");

        using var response = await gatehouse.ImdsAsync($"client_id={identity.ClientId}&resource=https://graph.microsoft.com/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(
            ["access_token", "client_id", "expires_in", "expires_on", "ext_expires_in", "not_before", "resource", "token_type"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(body.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal(identity.ClientId, body.GetProperty("client_id").GetString());
        Assert.Equal("https://graph.microsoft.com/", body.GetProperty("resource").GetString());
        var claims = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(identity.PrincipalId, claims.GetProperty("oid").GetString());
        Assert.Equal(["User.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(long.Parse(body.GetProperty("expires_on").GetString()!), claims.GetProperty("exp").GetInt64());
    }

    [Theory]
    [BothStores]
    public async Task IMDS_finds_an_identity_by_object_id_and_by_resource_id(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("byids", userAssigned: true);

        using var byObjectId = await gatehouse.ImdsAsync($"object_id={identity.PrincipalId}&resource=https://graph.microsoft.com");
        using var byResourceId = await gatehouse.ImdsAsync($"msi_res_id={Uri.EscapeDataString(identity.ResourceId!)}&resource=https://graph.microsoft.com");

        Assert.Equal(identity.ClientId, (await JsonAsync(byObjectId)).GetProperty("client_id").GetString());
        Assert.Equal(identity.ClientId, (await JsonAsync(byResourceId)).GetProperty("client_id").GetString());
    }

    [Theory]
    [BothStores]
    public async Task A_role_granted_through_Graphs_appRoleAssignments_is_in_the_identitys_token(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("graphgrant", userAssigned: true);
        var admin = await gatehouse.RegisterClientAsync($"mi-admin-{Guid.NewGuid():N}", ("Microsoft Graph", "AppRoleAssignment.ReadWrite.All"), ("Microsoft Graph", "Application.Read.All"));
        var graph = gatehouse.AppOnly(admin);
        var microsoftGraph = await graph.ServicePrincipalsWithAppId(MicrosoftGraphAppId).GetAsync(cancellationToken: TestContext.Current.CancellationToken);

        await graph.ServicePrincipals[identity.PrincipalId].AppRoleAssignments.PostAsync(new AppRoleAssignment
        {
            PrincipalId = Guid.Parse(identity.PrincipalId),
            ResourceId = Guid.Parse(microsoftGraph!.Id!),
            AppRoleId = microsoftGraph.AppRoles!.Single(r => r.Value == "User.Read.All").Id,
        }, cancellationToken: TestContext.Current.CancellationToken);
        using var response = await gatehouse.ImdsAsync($"client_id={identity.ClientId}&resource=https://graph.microsoft.com");

        var claims = Jwt.Payload((await JsonAsync(response)).GetProperty("access_token").GetString()!);
        Assert.Equal(["User.Read.All"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [BothStores]
    public async Task IMDS_refuses_a_request_without_the_Metadata_header(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("noheader", userAssigned: true);

        using var response = await gatehouse.Http.GetAsync(
            $"/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com&client_id={identity.ClientId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Equal("Required metadata header not specified", body.GetProperty("error_description").GetString());
    }

    [Theory]
    [BothStores]
    public async Task IMDS_refuses_an_unknown_identity_and_an_unknown_resource(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("known", userAssigned: true);

        using var unknownIdentity = await gatehouse.ImdsAsync($"client_id={Guid.NewGuid()}&resource=https://graph.microsoft.com");
        using var unknownResource = await gatehouse.ImdsAsync($"client_id={identity.ClientId}&resource=api://nothing-here");

        Assert.Equal(HttpStatusCode.BadRequest, unknownIdentity.StatusCode);
        Assert.Equal("Identity not found", (await JsonAsync(unknownIdentity)).GetProperty("error_description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownResource.StatusCode);
        var body = await JsonAsync(unknownResource);
        Assert.Equal("invalid_resource", body.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS500011: The resource principal named api://nothing-here was not found", body.GetProperty("error_description").GetString());
    }

    [Theory]
    [BothStores]
    public async Task Malformed_requests_get_the_endpoints_400_never_a_token(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var identity = await gatehouse.CreateIdentityAsync("strict");

        using var noResource = await gatehouse.ImdsAsync($"client_id={identity.ClientId}");
        using var twoIdentities = await gatehouse.ImdsAsync($"client_id={identity.ClientId}&object_id={identity.PrincipalId}&resource=https://graph.microsoft.com");
        using var oldAppService = new HttpRequestMessage(HttpMethod.Get, "/msi/token?api-version=2017-09-01&resource=https://graph.microsoft.com");
        oldAppService.Headers.Add("X-IDENTITY-HEADER", identity.IdentityHeader);
        using var oldVersion = await gatehouse.Http.SendAsync(oldAppService, TestContext.Current.CancellationToken);

        foreach (var response in new[] { noResource, twoIdentities, oldVersion })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_request", (await JsonAsync(response)).GetProperty("error").GetString());
        }

        Assert.Equal("Required query variable 'resource' is missing", (await JsonAsync(noResource)).GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Without_an_identity_IMDS_means_the_default_tenants_system_assigned_identity()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite());
        var only = await gatehouse.CreateIdentityAsync("only");
        await gatehouse.CreateIdentityAsync("detached", userAssigned: true);

        using var response = await gatehouse.ImdsAsync("resource=https://graph.microsoft.com");

        Assert.Equal(only.ClientId, (await JsonAsync(response)).GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Without_an_identity_IMDS_names_the_choices_when_the_default_tenant_has_several()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite());
        var first = await gatehouse.CreateIdentityAsync("first");
        var second = await gatehouse.CreateIdentityAsync("second");

        using var response = await gatehouse.ImdsAsync("resource=https://graph.microsoft.com");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var description = (await JsonAsync(response)).GetProperty("error_description").GetString();
        Assert.Contains(first.ClientId, description);
        Assert.Contains(second.ClientId, description);
    }

    [Theory]
    [BothStores]
    public async Task A_managed_identity_is_a_service_principal_without_an_app_registration(string store)
    {
        var gatehouse = await servers.OnAsync(store);

        var created = await GatehouseCli.JsonAsync(gatehouse.Store, "identity", "create", "--name", $"listed-{Guid.NewGuid():N}");
        var userAssigned = await GatehouseCli.JsonAsync(gatehouse.Store, "identity", "create", "--name", $"ua-{Guid.NewGuid():N}", "--user-assigned");

        Assert.Equal("SystemAssigned", created.GetProperty("type").GetString());
        Assert.Equal("ManagedIdentity", created.GetProperty("servicePrincipalType").GetString());
        Assert.Equal(40, created.GetProperty("identityHeader").GetString()!.Length);
        Assert.Equal("UserAssigned", userAssigned.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, userAssigned.GetProperty("identityHeader").ValueKind);
        var apps = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "list");
        Assert.DoesNotContain(apps.GetProperty("value").EnumerateArray(), a => a.GetProperty("appId").GetString() == created.GetProperty("clientId").GetString());
        var client = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.GetProperty("clientId").GetString()!,
            ["client_secret"] = created.GetProperty("identityHeader").GetString()!,
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, client.StatusCode);
    }

    private const string MicrosoftGraphAppId = "00000003-0000-0000-c000-000000000000";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
