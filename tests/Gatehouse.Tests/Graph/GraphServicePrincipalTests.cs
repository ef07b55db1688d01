using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// /servicePrincipals and /oauth2PermissionGrants through the Microsoft Graph SDK: grants made through Graph show in
/// the next token (the token service's snapshot of the client is dropped on change), revocations too.
/// </summary>
[Collection(GraphServers.Name)]
public sealed class GraphServicePrincipalTests(GatehouseOnBothStores gatehouse)
{
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task An_app_role_granted_through_appRoleAssignedTo_is_in_the_next_token_and_gone_once_revoked(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var admin = server.AppOnly(await server.RegisterClientAsync(
            "role-granter-" + store, ("Microsoft Graph", "AppRoleAssignment.ReadWrite.All"), ("Microsoft Graph", "Application.Read.All")));
        var target = await server.RegisterClientAsync("role-target-" + store);
        var before = await TokenAsync(server, target);

        var graphPrincipal = await admin.ServicePrincipalsWithAppId(GraphAppId).GetAsync(cancellationToken: Cancel);
        var userReadAll = graphPrincipal!.AppRoles!.Single(r => r.Value == "User.Read.All");
        var targetPrincipal = Assert.Single((await admin.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{target.AppId}'", Cancel))!.Value!);
        var assignment = await admin.ServicePrincipals[graphPrincipal.Id].AppRoleAssignedTo.PostAsync(new AppRoleAssignment
        {
            PrincipalId = Guid.Parse(targetPrincipal.Id!),
            ResourceId = Guid.Parse(graphPrincipal.Id!),
            AppRoleId = userReadAll.Id,
        }, cancellationToken: Cancel);
        var granted = await TokenAsync(server, target);
        var held = await admin.ServicePrincipals[targetPrincipal.Id].AppRoleAssignments.GetAsync(cancellationToken: Cancel);
        var again = await Assert.ThrowsAsync<ODataError>(() => admin.ServicePrincipals[graphPrincipal.Id].AppRoleAssignedTo.PostAsync(
            new AppRoleAssignment { PrincipalId = Guid.Parse(targetPrincipal.Id!), ResourceId = Guid.Parse(graphPrincipal.Id!), AppRoleId = userReadAll.Id },
            cancellationToken: Cancel));
        await admin.ServicePrincipals[graphPrincipal.Id].AppRoleAssignedTo[assignment!.Id].DeleteAsync(cancellationToken: Cancel);
        var revoked = await TokenAsync(server, target);

        Assert.Empty(Roles(before));
        Assert.Equal(["User.Read.All"], Roles(granted));
        Assert.Equal(43, assignment.Id!.Length);
        Assert.Equal("Microsoft Graph", assignment.ResourceDisplayName);
        Assert.Equal("ServicePrincipal", assignment.PrincipalType);
        var listed = Assert.Single(held!.Value!);
        Assert.Equal(assignment.Id, listed.Id);
        Assert.Equal(userReadAll.Id, listed.AppRoleId);
        Assert.Equal((int)HttpStatusCode.BadRequest, again.ResponseStatusCode);
        Assert.Empty(Roles(revoked));
    }

    [Theory]
    [BothStores]
    public async Task A_delegated_grant_made_through_Graph_is_in_the_signed_in_users_token(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var admin = server.AppOnly(await server.RegisterClientAsync(
            "grant-maker-" + store, ("Microsoft Graph", "DelegatedPermissionGrant.ReadWrite.All"), ("Microsoft Graph", "Application.Read.All")));
        using var signIn = await DelegatedSignIn.CreateAsync(server, "granted-" + store, consent: false, graphPermissions: ["User.Read", "Calendars.Read"]);
        var clientPrincipal = await admin.ServicePrincipalsWithAppId(signIn.Client.AppId).GetAsync(cancellationToken: Cancel);
        var graphPrincipal = await admin.ServicePrincipalsWithAppId(GraphAppId).GetAsync(cancellationToken: Cancel);
        var (_, unconsentedChallenge) = DelegatedSignIn.NewPkce();
        using var unconsented = await signIn.AuthorizeAsync(signIn.AuthorizeUrl(unconsentedChallenge));

        var grant = await admin.Oauth2PermissionGrants.PostAsync(new OAuth2PermissionGrant
        {
            ClientId = clientPrincipal!.Id,
            ConsentType = "AllPrincipals",
            ResourceId = graphPrincipal!.Id,
            Scope = "User.Read",
        }, cancellationToken: Cancel);
        var first = await GraphDelegatedTests.DelegatedTokenAsync(signIn);
        await admin.Oauth2PermissionGrants[grant!.Id].PatchAsync(new OAuth2PermissionGrant { Scope = "User.Read Calendars.Read" }, cancellationToken: Cancel);
        var widened = await GraphDelegatedTests.DelegatedTokenAsync(signIn);
        var listed = await admin.Oauth2PermissionGrants.GetAsync(r => r.QueryParameters.Filter = $"clientId eq '{clientPrincipal.Id}'", Cancel);
        var unknownScope = await Assert.ThrowsAsync<ODataError>(() => admin.Oauth2PermissionGrants[grant.Id].PatchAsync(
            new OAuth2PermissionGrant { Scope = "Not.A.Scope" }, cancellationToken: Cancel));
        await admin.Oauth2PermissionGrants[grant.Id].DeleteAsync(cancellationToken: Cancel);
        var gone = await Assert.ThrowsAsync<ODataError>(() => admin.Oauth2PermissionGrants[grant.Id].GetAsync(cancellationToken: Cancel));

        Assert.False(unconsented.StatusCode == HttpStatusCode.Redirect && unconsented.Headers.Location!.OriginalString.StartsWith(signIn.Redirect, StringComparison.Ordinal));
        Assert.Contains("User.Read", Scopes(first));
        Assert.DoesNotContain("Calendars.Read", Scopes(first));
        Assert.Contains("Calendars.Read", Scopes(widened));
        Assert.Equal("User.Read Calendars.Read", Assert.Single(listed!.Value!).Scope);
        Assert.Equal((int)HttpStatusCode.BadRequest, unknownScope.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
    }

    [Fact]
    public async Task A_service_principal_deleted_and_created_again_from_its_appId_can_be_disabled_which_stops_its_tokens()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var admin = server.AppOnly(await server.RegisterClientAsync("sp-admin", ("Microsoft Graph", "Application.ReadWrite.All")));
        var target = await server.RegisterClientAsync("sp-target");
        var existing = await admin.ServicePrincipalsWithAppId(target.AppId).GetAsync(cancellationToken: Cancel);

        var duplicate = await Assert.ThrowsAsync<ODataError>(() => admin.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = target.AppId }, cancellationToken: Cancel));
        await admin.ServicePrincipals[existing!.Id].DeleteAsync(cancellationToken: Cancel);
        var created = await admin.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = target.AppId }, cancellationToken: Cancel);
        var enabled = await TokenAsync(server, target);
        await admin.ServicePrincipals[created!.Id].PatchAsync(new ServicePrincipal { AccountEnabled = false }, cancellationToken: Cancel);
        var read = await admin.ServicePrincipals[created.Id].GetAsync(cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() => TokenAsync(server, target));
        var firstParty = await Assert.ThrowsAsync<ODataError>(() => admin.ServicePrincipalsWithAppId(GraphAppId).DeleteAsync(cancellationToken: Cancel));

        Assert.Equal((int)HttpStatusCode.Conflict, duplicate.ResponseStatusCode);
        Assert.NotEqual(existing.Id, created.Id);
        Assert.Equal(target.AppId, created.AppId);
        Assert.Contains(target.AppId, created.ServicePrincipalNames!);
        Assert.NotEmpty(enabled);
        Assert.False(read!.AccountEnabled);
        Assert.NotNull(refused.InnerException);
        Assert.Equal((int)HttpStatusCode.BadRequest, firstParty.ResponseStatusCode);
    }

    [Fact]
    public async Task Without_AppRoleAssignment_ReadWrite_All_a_grant_is_403_and_an_unknown_service_principal_is_404()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var reader = server.AppOnly(await server.RegisterClientAsync("sp-reader", ("Microsoft Graph", "Application.Read.All")));
        var graphPrincipal = await reader.ServicePrincipalsWithAppId(GraphAppId).GetAsync(cancellationToken: Cancel);

        var grant = await Assert.ThrowsAsync<ODataError>(() => reader.ServicePrincipals[graphPrincipal!.Id].AppRoleAssignedTo.PostAsync(
            new AppRoleAssignment { PrincipalId = Guid.NewGuid(), ResourceId = Guid.Parse(graphPrincipal.Id!), AppRoleId = Guid.NewGuid() }, cancellationToken: Cancel));
        var unknown = await Assert.ThrowsAsync<ODataError>(() => reader.ServicePrincipals[Guid.NewGuid().ToString()].GetAsync(cancellationToken: Cancel));

        Assert.Contains(graphPrincipal!.Oauth2PermissionScopes!, s => s.Value == "User.Read");
        Assert.Equal((int)HttpStatusCode.Forbidden, grant.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", grant.Error!.Code);
        Assert.Equal((int)HttpStatusCode.NotFound, unknown.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", unknown.Error!.Code);
    }

    /// <summary>A fresh credential each time, so that Azure.Identity's own token cache cannot answer.</summary>
    private static async Task<string> TokenAsync(TokenServiceFixture server, RegisteredClient client) =>
        (await server.Credential(client.AppId, client.Secret).GetTokenAsync(new TokenRequestContext(GraphClients.GraphScopes), Cancel)).Token;

    private static List<string?> Roles(string token) =>
        Jwt.Payload(token).TryGetProperty("roles", out var roles) ? [.. roles.EnumerateArray().Select(r => r.GetString())] : [];

    private static string[] Scopes(string token) =>
        Jwt.Payload(token).TryGetProperty("scp", out var scp) && scp.ValueKind == JsonValueKind.String ? scp.GetString()!.Split(' ') : [];
}
