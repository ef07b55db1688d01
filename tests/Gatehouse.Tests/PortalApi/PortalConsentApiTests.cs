using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.PortalApi;

/// <summary>
/// The Azure portal's consent call `az ad app permission admin-consent` makes,
/// POST /api/RegisteredApplications/{appId}/Consent?onBehalfOfAll=true with a token for ADIbizaUX.
/// </summary>
public sealed class PortalConsentApiTests(GatehouseOnBothStores gatehouse) : IClassFixture<GatehouseOnBothStores>
{
    private const string PortalScope = "74658136-14ec-4630-ad9b-26e160ff0fc6/.default";
    private const string AzureAdGraph = "00000002-0000-0000-c000-000000000000";
    private const string DirectoryReadWriteAllRoleId = "78c8a3c8-a07e-4b9e-af1b-b5ccab50a175";

    [Theory]
    [BothStores]
    public async Task An_administrator_app_grants_the_apps_delegated_and_application_permissions_for_the_tenant(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var target = await RegisterTargetAsync(server, "portal-consent-" + store);
        var admin = await RegisterAdministratorAsync(server, "portal-consent-admin-" + store);

        using var response = await ConsentAsync(server, target.AppId, await TokenAsync(server, admin, PortalScope));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var graph = await TokenAsync(server, admin, "https://graph.microsoft.com/.default");
        var servicePrincipal = await GetJsonAsync(server, $"/v1.0/servicePrincipals(appId='{target.AppId}')", graph);
        var servicePrincipalId = servicePrincipal.GetProperty("id").GetString();
        var grants = await GetJsonAsync(server, $"/v1.0/oauth2PermissionGrants?$filter=clientId eq '{servicePrincipalId}'", graph);
        var grant = Assert.Single(grants.GetProperty("value").EnumerateArray());
        Assert.Equal("AllPrincipals", grant.GetProperty("consentType").GetString());
        Assert.Contains("Calendars.ReadWrite", grant.GetProperty("scope").GetString()!.Split(' '));
        var assignments = await GetJsonAsync(server, $"/v1.0/servicePrincipals/{servicePrincipalId}/appRoleAssignments", graph);
        var assignment = Assert.Single(assignments.GetProperty("value").EnumerateArray());
        Assert.Equal(DirectoryReadWriteAllRoleId, assignment.GetProperty("appRoleId").GetString());

        var aadGraphToken = Jwt.Payload(await TokenAsync(server, target, "https://graph.windows.net/.default"));
        Assert.Contains("Directory.ReadWrite.All", aadGraphToken.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("scope", PortalScope, "74658136-14ec-4630-ad9b-26e160ff0fc6")]
    [InlineData("resource", "74658136-14ec-4630-ad9b-26e160ff0fc6", "74658136-14ec-4630-ad9b-26e160ff0fc6")]
    [InlineData("resource", "https://main.iam.ad.ext.azure.com", "https://main.iam.ad.ext.azure.com")]
    public async Task Client_credentials_get_a_token_for_the_portal_api_by_scope_or_v1_resource(string parameter, string value, string audience)
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var client = await server.RegisterClientAsync("portal-token-" + parameter + value.Length);

        using var response = await server.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.AppId,
            ["client_secret"] = client.Secret,
            [parameter] = value,
        }, version: parameter == "scope" ? "v2.0" : "v1.0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await JsonAsync(response)).GetProperty("access_token").GetString()!;
        Assert.Equal(audience, Jwt.Payload(token).GetProperty("aud").GetString());
    }

    [Theory]
    [BothStores]
    public async Task An_application_administrator_grants_consent_with_a_delegated_token_and_a_plain_user_is_refused(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var administrator = await DelegatedSignIn.CreateAsync(server, "portal-consent-user-" + store, consent: true, role: "Application Administrator");
        await GatehouseCli.JsonAsync(server.Store, "app", "permission", "add", "--app", administrator.Client.AppId,
            "--api", "https://main.iam.ad.ext.azure.com", "--permission", "user_impersonation", "--type", "Delegated");
        await GatehouseCli.JsonAsync(server.Store, "app", "consent", "--app", administrator.Client.AppId);
        using var plainUser = await administrator.WithAnotherUserAsync();
        var target = await RegisterTargetAsync(server, "portal-consent-delegated-" + store);

        using var refused = await ConsentAsync(server, target.AppId, await PasswordTokenAsync(server, plainUser));
        using var granted = await ConsentAsync(server, target.AppId, await PasswordTokenAsync(server, administrator));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("can only be performed by an administrator", await MessageAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_call_is_401_with_a_Bearer_challenge_and_the_portals_error_body()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);

        using var response = await ConsentAsync(server, Guid.NewGuid().ToString(), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("Microsoft.Portal.Framework.Exceptions.ClientException", (await JsonAsync(response)).GetProperty("ClassName").GetString());
    }

    [Fact]
    public async Task A_Microsoft_Graph_token_is_refused_for_its_audience()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var admin = await RegisterAdministratorAsync(server, "portal-graph-token");
        var target = await RegisterTargetAsync(server, "portal-graph-token-target");

        using var response = await ConsentAsync(server, target.AppId, await TokenAsync(server, admin, "https://graph.microsoft.com/.default"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("74658136-14ec-4630-ad9b-26e160ff0fc6", await MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_without_Graphs_consent_permissions_is_refused_with_403()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var caller = await server.RegisterClientAsync("portal-no-rights", ("Microsoft Graph", "AppRoleAssignment.ReadWrite.All"));
        var target = await RegisterTargetAsync(server, "portal-no-rights-target");

        using var response = await ConsentAsync(server, target.AppId, await TokenAsync(server, caller, PortalScope));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Authorization_RequestDenied", await MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_400_or_404_and_change_nothing()
    {
        var server = await gatehouse.OnAsync(StoreTrait.Sqlite);
        var admin = await RegisterAdministratorAsync(server, "portal-bad-requests");
        var token = await TokenAsync(server, admin, PortalScope);
        var target = await RegisterTargetAsync(server, "portal-bad-requests-target");
        var bare = (await GatehouseCli.JsonAsync(server.Store, "app", "create", "--name", "portal-no-permissions")).GetProperty("appId").GetString()!;

        using var malformed = await ConsentAsync(server, "not-an-app-id", token);
        using var unknown = await ConsentAsync(server, Guid.NewGuid().ToString(), token);
        using var withoutOnBehalfOfAll = await ConsentAsync(server, target.AppId, token, query: "");
        using var forOneUser = await ConsentAsync(server, target.AppId, token, query: "?onBehalfOfAll=false");
        using var nothingRequested = await ConsentAsync(server, bare, token);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutOnBehalfOfAll.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forOneUser.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothingRequested.StatusCode);
        Assert.Contains("requests no permissions", await MessageAsync(nothingRequested), StringComparison.Ordinal);
        var status = await GatehouseCli.JsonAsync(server.Store, "app", "permission", "list", "--app", target.AppId);
        Assert.All(status.GetProperty("value").EnumerateArray(), permission => Assert.False(permission.GetProperty("granted").GetBoolean()));
    }

    /// <summary>An app requesting Graph's Calendars.ReadWrite (delegated) and Azure AD Graph's Directory.ReadWrite.All (application), not yet consented.</summary>
    private static async Task<RegisteredClient> RegisterTargetAsync(TokenServiceFixture server, string name)
    {
        var target = await server.RegisterClientAsync(name);
        await GatehouseCli.JsonAsync(server.Store, "app", "permission", "add", "--app", target.AppId,
            "--api", "Microsoft Graph", "--permission", "Calendars.ReadWrite", "--type", "Delegated");
        await GatehouseCli.JsonAsync(server.Store, "app", "permission", "add", "--app", target.AppId,
            "--api", AzureAdGraph, "--permission", "Directory.ReadWrite.All", "--type", "Application");
        return target;
    }

    private static Task<RegisteredClient> RegisterAdministratorAsync(TokenServiceFixture server, string name) =>
        server.RegisterClientAsync(name,
            ("Microsoft Graph", "AppRoleAssignment.ReadWrite.All"),
            ("Microsoft Graph", "DelegatedPermissionGrant.ReadWrite.All"),
            ("Microsoft Graph", "Application.Read.All"));

    private static async Task<string> TokenAsync(TokenServiceFixture server, RegisteredClient client, string scope) =>
        (await server.Msal(client).AcquireTokenForClient([scope]).ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken;

    private static async Task<string> PasswordTokenAsync(TokenServiceFixture server, DelegatedSignIn user)
    {
        using var response = await server.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = user.Client.AppId,
            ["client_secret"] = user.Client.Secret,
            ["username"] = user.Upn,
            ["password"] = user.Password,
            ["scope"] = "74658136-14ec-4630-ad9b-26e160ff0fc6/user_impersonation",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> ConsentAsync(TokenServiceFixture server, string appId, string? token, string query = "?onBehalfOfAll=true")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/RegisteredApplications/{appId}/Consent{query}");
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> GetJsonAsync(TokenServiceFixture server, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("Message").GetString()!;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
