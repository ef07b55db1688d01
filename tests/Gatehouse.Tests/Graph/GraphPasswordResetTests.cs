using System.Net;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// PATCH /users/{id} with a passwordProfile: an app holding User.ReadWrite.All and the User Administrator role resets a
/// password, after which the password grant takes the new one and refuses the old; a weak one, or an app without the role, is refused.
/// </summary>
[Collection(GraphServers.Name)]
public sealed class GraphPasswordResetTests(GatehouseOnBothStores gatehouse)
{
    private const string UserAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    private const string NewPassword = "R3set!Passw0rd-new";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task A_reset_password_signs_in_and_the_old_one_no_longer_does(string store)
    {
        var server = await gatehouse.OnAsync(store);
        using var flow = await DelegatedSignIn.CreatePublicAsync(server, "reset-" + store, DelegatedSignIn.NativeClientRedirectUri, allowPublicClientFlows: true);
        var resetter = await UserAdministratorAppAsync(server, "resetter-" + store);

        await resetter.Users[flow.Upn].PatchAsync(
            new User { PasswordProfile = new PasswordProfile { Password = NewPassword, ForceChangePasswordNextSignIn = false } }, cancellationToken: Ct);
        using var withNew = await PasswordGrantAsync(server, flow, NewPassword);
        using var withOld = await PasswordGrantAsync(server, flow, flow.Password);

        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task A_weak_password_is_refused_in_Graphs_words_and_an_app_without_the_role_is_403(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var (_, upn) = await DirectoryUsers.CreateAsync(server, "reset-refused");
        var resetter = await UserAdministratorAppAsync(server, "weak-resetter-" + store);
        var writer = server.AppOnly(await server.RegisterClientAsync("reset-writer-" + store, ("Microsoft Graph", "User.ReadWrite.All")));

        var weak = await Assert.ThrowsAsync<ODataError>(() => resetter.Users[upn].PatchAsync(
            new User { PasswordProfile = new PasswordProfile { Password = "password" } }, cancellationToken: Ct));
        var denied = await Assert.ThrowsAsync<ODataError>(() => writer.Users[upn].PatchAsync(
            new User { PasswordProfile = new PasswordProfile { Password = NewPassword } }, cancellationToken: Ct));
        var blank = await Assert.ThrowsAsync<ODataError>(() => resetter.Users[upn].PatchAsync(
            new User { PasswordProfile = new PasswordProfile { ForceChangePasswordNextSignIn = true } }, cancellationToken: Ct));

        Assert.Equal((int)HttpStatusCode.BadRequest, weak.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", weak.Error!.Code);
        Assert.Equal("The specified password does not comply with password complexity requirements. Please provide a different password.", weak.Error.Message);
        Assert.Equal((int)HttpStatusCode.Forbidden, denied.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", denied.Error!.Code);
        Assert.Equal((int)HttpStatusCode.BadRequest, blank.ResponseStatusCode);
    }

    /// <summary>An app with User.ReadWrite.All whose service principal an administrator app made a User Administrator.</summary>
    private static async Task<Microsoft.Graph.GraphServiceClient> UserAdministratorAppAsync(TokenServiceFixture server, string name)
    {
        var client = await server.RegisterClientAsync(name, ("Microsoft Graph", "User.ReadWrite.All"));
        var roles = server.AppOnly(await server.RegisterClientAsync(name + "-roles", ("Microsoft Graph", "RoleManagement.ReadWrite.Directory"), ("Microsoft Graph", "Application.Read.All")));
        var principal = await roles.ServicePrincipalsWithAppId(client.AppId).GetAsync(cancellationToken: Ct);
        await roles.DirectoryRoles[UserAdministrator].Members.Ref.PostAsync(
            new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{principal!.Id}" }, cancellationToken: Ct);
        return server.AppOnly(client);
    }

    private static Task<HttpResponseMessage> PasswordGrantAsync(TokenServiceFixture server, DelegatedSignIn flow, string password) =>
        server.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = flow.Client.AppId,
            ["username"] = flow.Upn,
            ["password"] = password,
            ["scope"] = "User.Read openid profile offline_access",
        });
}
