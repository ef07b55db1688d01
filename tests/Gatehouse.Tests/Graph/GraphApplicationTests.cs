using System.Net;
using Azure.Core;
using Azure.Identity;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Applications.Item.AddKey;
using Microsoft.Graph.Applications.Item.AddPassword;
using Microsoft.Graph.Applications.Item.RemovePassword;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// /applications through the Microsoft Graph SDK: create with requiredResourceAccess and read back, update, list by
/// appId, secrets added and removed through Graph take effect at the token endpoint at once, and permissions are enforced.
/// </summary>
[Collection(GraphServers.Name)]
public sealed class GraphApplicationTests(GatehouseOnBothStores gatehouse)
{
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    private static readonly Guid UserRead = new("e1fe6dd8-ba31-4d61-89e7-88639da4683d");
    private static readonly Guid UserReadAll = new("df021288-bdef-4463-88db-98f22de89214");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task An_application_created_with_requiredResourceAccess_reads_back_by_id_appId_and_filter(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("app-writer-" + store, ("Microsoft Graph", "Application.ReadWrite.All")));

        var created = await graph.Applications.PostAsync(new Application
        {
            DisplayName = "Ledger " + store,
            SignInAudience = "AzureADMyOrg",
            Web = new WebApplication { RedirectUris = ["https://ledger.contoso.com/signin-oidc"] },
            Spa = new SpaApplication { RedirectUris = ["https://ledger.contoso.com/"] },
            AppRoles = [new AppRole { Id = Guid.NewGuid(), Value = "Ledger.Read", DisplayName = "Read ledgers", Description = "Read ledgers", AllowedMemberTypes = ["Application"], IsEnabled = true }],
            RequiredResourceAccess =
            [
                new RequiredResourceAccess
                {
                    ResourceAppId = GraphAppId,
                    ResourceAccess = [new ResourceAccess { Id = UserRead, Type = "Scope" }, new ResourceAccess { Id = UserReadAll, Type = "Role" }],
                },
            ],
        }, cancellationToken: Cancel);
        var byId = await graph.Applications[created!.Id].GetAsync(cancellationToken: Cancel);
        var byAppId = await graph.ApplicationsWithAppId(created.AppId).GetAsync(cancellationToken: Cancel);
        var filtered = await graph.Applications.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{created.AppId}'", Cancel);

        Assert.True(Guid.TryParse(created.AppId, out _));
        Assert.NotEqual(created.Id, created.AppId);
        Assert.Equal(created.Id, byId!.Id);
        Assert.Equal(["https://ledger.contoso.com/signin-oidc"], byId.Web!.RedirectUris!);
        Assert.Equal(["https://ledger.contoso.com/"], byId.Spa!.RedirectUris!);
        Assert.Equal("Ledger.Read", Assert.Single(byId.AppRoles!).Value);
        var access = Assert.Single(byId.RequiredResourceAccess!);
        Assert.Equal(GraphAppId, access.ResourceAppId);
        Assert.Equal([(UserRead, "Scope"), (UserReadAll, "Role")], access.ResourceAccess!.Select(a => (a.Id!.Value, a.Type!)).ToList());
        Assert.Empty(byId.PasswordCredentials!);
        Assert.Equal(created.Id, byAppId!.Id);
        Assert.Equal(created.Id, Assert.Single(filtered!.Value!).Id);
    }

    [Theory]
    [BothStores]
    public async Task Patch_changes_only_the_properties_sent_and_delete_removes_the_application(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var graph = server.AppOnly(await server.RegisterClientAsync("app-patcher-" + store, ("Microsoft Graph", "Application.ReadWrite.All")));
        var created = await graph.Applications.PostAsync(new Application
        {
            DisplayName = "Patched " + store,
            Web = new WebApplication { RedirectUris = ["https://patched.contoso.com/a"] },
        }, cancellationToken: Cancel);

        await graph.Applications[created!.Id].PatchAsync(new Application
        {
            IdentifierUris = [$"api://{created.AppId}"],
            Web = new WebApplication { RedirectUris = ["https://patched.contoso.com/a", "https://patched.contoso.com/b"] },
            RequiredResourceAccess = [new RequiredResourceAccess { ResourceAppId = GraphAppId, ResourceAccess = [new ResourceAccess { Id = UserRead, Type = "Scope" }] }],
        }, cancellationToken: Cancel);
        var patched = await graph.Applications[created.Id].GetAsync(cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[created.Id].PatchAsync(
            new Application { Web = new WebApplication { RedirectUris = ["http://not-localhost.contoso.com/"] } }, cancellationToken: Cancel));
        await graph.Applications[created.Id].DeleteAsync(cancellationToken: Cancel);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[created.Id].GetAsync(cancellationToken: Cancel));

        Assert.Equal("Patched " + store, patched!.DisplayName);
        Assert.Equal([$"api://{created.AppId}"], patched.IdentifierUris!);
        Assert.Equal(["https://patched.contoso.com/a", "https://patched.contoso.com/b"], patched.Web!.RedirectUris!);
        Assert.Equal(UserRead, Assert.Single(Assert.Single(patched.RequiredResourceAccess!).ResourceAccess!).Id);
        Assert.Equal((int)HttpStatusCode.BadRequest, refused.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", gone.Error!.Code);
    }

    [Theory]
    [BothStores]
    public async Task A_secret_added_through_Graph_gets_a_token_at_once_and_once_removed_is_refused_with_AADSTS7000215(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var admin = server.AppOnly(await server.RegisterClientAsync("secret-admin-" + store, ("Microsoft Graph", "Application.ReadWrite.All")));
        var target = await server.RegisterClientAsync("secret-target-" + store, ("Microsoft Graph", "User.Read.All"));
        var application = await admin.ApplicationsWithAppId(target.AppId).GetAsync(cancellationToken: Cancel);

        var added = await admin.Applications[application!.Id].AddPassword.PostAsync(
            new AddPasswordPostRequestBody { PasswordCredential = new PasswordCredential { DisplayName = "rotated" } }, cancellationToken: Cancel);
        var token = await server.Credential(target.AppId, added!.SecretText!).GetTokenAsync(new TokenRequestContext(GraphClients.GraphScopes), Cancel);
        var listed = await admin.Applications[application.Id].GetAsync(r => r.QueryParameters.Select = ["passwordCredentials"], Cancel);
        await admin.Applications[application.Id].RemovePassword.PostAsync(new RemovePasswordPostRequestBody { KeyId = added.KeyId }, cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            server.Credential(target.AppId, added.SecretText!).GetTokenAsync(new TokenRequestContext(GraphClients.GraphScopes), Cancel).AsTask());

        Assert.Equal(added.SecretText![..3], added.Hint);
        Assert.Equal("rotated", added.DisplayName);
        Assert.InRange(added.EndDateTime!.Value - added.StartDateTime!.Value, TimeSpan.FromDays(730), TimeSpan.FromDays(731));
        Assert.Equal(["User.Read.All"], Jwt.Payload(token.Token).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList());
        var shown = listed!.PasswordCredentials!.Single(c => c.KeyId == added.KeyId);
        Assert.Null(shown.SecretText);
        Assert.Equal(added.Hint, shown.Hint);
        Assert.Contains("AADSTS7000215", Assert.IsType<Microsoft.Identity.Client.MsalServiceException>(refused.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddKey_needs_a_proof_signed_by_a_current_certificate_of_the_application()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var graph = server.AppOnly(await server.RegisterClientAsync("key-admin", ("Microsoft Graph", "Application.ReadWrite.All")));
        var target = await server.RegisterClientAsync("key-target");
        using var current = await server.AddCertificateAsync(target.AppId);
        using var next = TestCertificates.CreateCurrent("CN=next");
        var application = await graph.ApplicationsWithAppId(target.AppId).GetAsync(cancellationToken: Cancel);
        AddKeyPostRequestBody Body(string proof) => new()
        {
            KeyCredential = new KeyCredential { Type = "AsymmetricX509Cert", Usage = "Verify", Key = next.RawData },
            Proof = proof,
        };

        using var stranger = TestCertificates.CreateCurrent("CN=stranger");
        var unproven = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[application!.Id].AddKey.PostAsync(
            Body(Proof(stranger, application.Id!)), cancellationToken: Cancel));
        var added = await graph.Applications[application!.Id].AddKey.PostAsync(Body(Proof(current, application.Id!)), cancellationToken: Cancel);
        var read = await graph.Applications[application.Id].GetAsync(cancellationToken: Cancel);

        Assert.Equal((int)HttpStatusCode.BadRequest, unproven.ResponseStatusCode);
        Assert.Equal("AsymmetricX509Cert", added!.Type);
        Assert.Equal(2, read!.KeyCredentials!.Count);
        Assert.Contains(read.KeyCredentials, k => k.KeyId == added.KeyId && k.Key is null);
    }

    [Fact]
    public async Task Without_Application_ReadWrite_All_writes_are_403_and_an_unknown_id_is_404()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var reader = server.AppOnly(await server.RegisterClientAsync("app-reader", ("Microsoft Graph", "Application.Read.All")));

        var create = await Assert.ThrowsAsync<ODataError>(() => reader.Applications.PostAsync(new Application { DisplayName = "Nope" }, cancellationToken: Cancel));
        var listed = await reader.Applications.GetAsync(r => r.QueryParameters.Filter = "startswith(displayName,'app-reader')", Cancel);
        var unknown = await Assert.ThrowsAsync<ODataError>(() => reader.Applications[Guid.NewGuid().ToString()].GetAsync(cancellationToken: Cancel));
        var patch = await Assert.ThrowsAsync<ODataError>(() => reader.Applications[listed!.Value![0].Id].PatchAsync(new Application { DisplayName = "Renamed" }, cancellationToken: Cancel));

        Assert.Equal((int)HttpStatusCode.Forbidden, create.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", create.Error!.Code);
        Assert.Equal("app-reader", Assert.Single(listed!.Value!).DisplayName);
        Assert.Equal((int)HttpStatusCode.NotFound, unknown.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", unknown.Error!.Code);
        Assert.Equal((int)HttpStatusCode.Forbidden, patch.ResponseStatusCode);
    }

    [Fact]
    public async Task With_OwnedBy_an_app_manages_what_it_created_and_nothing_else()
    {
        var server = await gatehouse.OnAsync("sqlite");
        var client = await server.RegisterClientAsync("owned-by", ("Microsoft Graph", "Application.ReadWrite.OwnedBy"));
        var graph = server.AppOnly(client);
        var other = await server.RegisterClientAsync("not-owned");

        var created = await graph.Applications.PostAsync(new Application { DisplayName = "Owned child" }, cancellationToken: Cancel);
        await graph.Applications[created!.Id].PatchAsync(new Application { DisplayName = "Owned child renamed" }, cancellationToken: Cancel);
        var owners = await graph.Applications[created.Id].Owners.GetAsync(cancellationToken: Cancel);
        var visible = await graph.Applications.GetAsync(cancellationToken: Cancel);
        var hidden = await Assert.ThrowsAsync<ODataError>(() => graph.ApplicationsWithAppId(other.AppId).GetAsync(cancellationToken: Cancel));

        var owner = Assert.IsType<ServicePrincipal>(Assert.Single(owners!.Value!));
        Assert.Equal(client.AppId, owner.AppId);
        Assert.Equal("Owned child renamed", Assert.Single(visible!.Value!).DisplayName);
        Assert.Equal((int)HttpStatusCode.NotFound, hidden.ResponseStatusCode);
    }

    [Theory]
    [BothStores]
    public async Task A_signed_in_user_with_Application_ReadWrite_All_changes_the_apps_they_own_and_no_others(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var signIn = await DelegatedSignIn.CreateAsync(server, "app-owner-" + store, consent: true, graphPermissions: ["User.Read", "Application.ReadWrite.All"]);
        var graph = server.WithToken(await GraphDelegatedTests.DelegatedTokenAsync(signIn));
        var me = await graph.Me.GetAsync(cancellationToken: Cancel);

        var mine = await graph.Applications.PostAsync(new Application { DisplayName = "Mine " + store }, cancellationToken: Cancel);
        await graph.Applications[mine!.Id].PatchAsync(new Application { DisplayName = "Mine renamed " + store }, cancellationToken: Cancel);
        var owners = await graph.Applications[mine.Id].Owners.GetAsync(cancellationToken: Cancel);
        var notMine = await graph.ApplicationsWithAppId(signIn.Client.AppId).GetAsync(cancellationToken: Cancel);
        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[notMine!.Id].PatchAsync(
            new Application { DisplayName = "Taken over" }, cancellationToken: Cancel));

        Assert.Equal(me!.Id, Assert.IsType<User>(Assert.Single(owners!.Value!)).Id);
        Assert.Equal((int)HttpStatusCode.Forbidden, refused.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", refused.Error!.Code);
        Assert.Equal("Mine renamed " + store, (await graph.Applications[mine.Id].GetAsync(cancellationToken: Cancel))!.DisplayName);
    }

    private static string Proof(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string applicationObjectId)
    {
        var claims = ClientAssertions.Claims(applicationObjectId, "00000002-0000-0000-c000-000000000000", TimeSpan.FromMinutes(10));
        return ClientAssertions.Create(certificate, claims);
    }
}
