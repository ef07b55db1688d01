using System.Net;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Identity;

/// <summary>
/// A user's app role assignments in delegated tokens: the API's roles in the access token, the client's in the ID
/// token, directly or through a group; and another API's scopes answered with its App ID URI.
/// </summary>
public sealed class UserRolesTests(TokenServiceFixture gatehouse) : IClassFixture<TokenServiceFixture>
{
    [Fact]
    public async Task Assigned_app_roles_are_in_the_access_token_and_the_clients_in_the_ID_token()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "roles-client");
        var api = await CreateApiAsync("roles-api", "api://roles-orders");
        await AddRoleAsync(api, "Orders.Approver");
        await AddRoleAsync(api, "Orders.Auditor");
        await AddRoleAsync(flow.Client.AppId, "Client.Admin");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", flow.Client.AppId, "--api", "api://roles-orders", "--permission", "Orders.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", flow.Client.AppId);
        await AssignAsync(flow.Upn, api, "Orders.Approver", throughGroup: false);
        await AssignAsync(flow.Upn, api, "Orders.Auditor", throughGroup: true);
        await AssignAsync(flow.Upn, flow.Client.AppId, "Client.Admin", throughGroup: false);
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        var authorize = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge, scope: "openid offline_access api://roles-orders/Orders.Read"));
        var code = DelegatedSignIn.Query(authorize.Headers.Location!)["code"];
        var response = await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = flow.Client.Secret,
            ["code"] = code,
            ["redirect_uri"] = flow.Redirect,
            ["code_verifier"] = verifier,
            ["scope"] = "openid offline_access api://roles-orders/Orders.Read",
        });

        var body = await AuthorizationCodeGrantTests.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("api://roles-orders/Orders.Read", body.GetProperty("scope").GetString()!.Split(' '));
        var access = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["Orders.Approver", "Orders.Auditor"], access.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var id = Jwt.Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(["Client.Admin"], id.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_user_without_assignments_gets_no_roles_claim()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "roles-none");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();

        var body = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier));

        Assert.False(Jwt.Payload(body.GetProperty("access_token").GetString()!).TryGetProperty("roles", out _));
    }

    private async Task<string> CreateApiAsync(string name, string appIdUri)
    {
        var apiAppId = await GatehouseCli.CreateAppAsync(gatehouse.Store, name);
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "api", "set", "--app", apiAppId, "--identifier-uri", appIdUri);
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "scope", "add", "--app", apiAppId, "--value", "Orders.Read", "--display-name", "Read orders");
        return apiAppId;
    }

    private Task<System.Text.Json.JsonElement> AddRoleAsync(string appId, string value) =>
        GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "add", "--app", appId, "--value", value, "--display-name", value, "--allowed-member-types", "User");

    [Fact]
    public async Task The_CLI_assigns_and_unassigns_a_user_and_refuses_a_role_not_for_users()
    {
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "roles-cli");
        await AddRoleAsync(flow.Client.AppId, "Reports.Viewer");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "add", "--app", flow.Client.AppId, "--value", "Daemon.Run", "--display-name", "Daemon");
        await AssignAsync(flow.Upn, flow.Client.AppId, "Reports.Viewer", throughGroup: false);
        var twice = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "assign", "--app", flow.Client.AppId, "--role", "Reports.Viewer", "--user", flow.Upn);

        var assigned = await IdTokenRolesAsync(flow);
        var notForUsers = await GatehouseCli.RefusedAsync(gatehouse.Store, "app", "role", "assign", "--app", flow.Client.AppId, "--role", "Daemon.Run", "--user", flow.Upn);
        var unknownUser = await GatehouseCli.RefusedAsync(gatehouse.Store, "app", "role", "assign", "--app", flow.Client.AppId, "--role", "Reports.Viewer", "--user", "nobody@" + TokenServiceFixture.TenantDomain);
        var removed = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "unassign", "--app", flow.Client.AppId, "--role", "Reports.Viewer", "--user", flow.Upn);
        var afterwards = await IdTokenRolesAsync(flow);

        Assert.Equal(["Reports.Viewer"], assigned);
        Assert.False(string.IsNullOrEmpty(twice.GetProperty("id").GetString()));
        Assert.Contains("not enabled for users", notForUsers.Message, StringComparison.Ordinal);
        Assert.Contains("nobody@", unknownUser.Message, StringComparison.Ordinal);
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.Empty(afterwards);
    }

    private static async Task<string[]> IdTokenRolesAsync(DelegatedSignIn flow)
    {
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var body = await AuthorizationCodeGrantTests.ReadAsync(await flow.RedeemAsync(await flow.GetCodeAsync(challenge), verifier));
        return Jwt.Payload(body.GetProperty("id_token").GetString()!).TryGetProperty("roles", out var roles)
            ? [.. roles.EnumerateArray().Select(r => r.GetString()!)]
            : [];
    }

    /// <summary>Assigns a user to an app role with the CLI, or a group they belong to as the store holds it (no verb makes groups).</summary>
    private async Task AssignAsync(string upn, string appId, string role, bool throughGroup)
    {
        if (!throughGroup)
        {
            await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "assign", "--app", appId, "--role", role, "--user", upn);
            return;
        }

        await using var harness = await DirectoryHarness.OpenAsync(gatehouse.Store);
        await harness.RunAsync(async services =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            var db = services.GetRequiredService<GatehouseDb>();
            var user = await db.Users.SingleAsync(u => u.UserPrincipalName == upn, cancellationToken);
            var application = await db.Applications.SingleAsync(a => a.AppId == Guid.Parse(appId), cancellationToken);
            var resource = await db.ServicePrincipals.SingleAsync(sp => sp.AppId == application.AppId && sp.TenantId == user.TenantId, cancellationToken);
            var principalId = Guid.NewGuid();
            db.Groups.Add(new Group { Id = principalId, TenantId = user.TenantId, DisplayName = $"{role} holders", MailNickname = $"g{principalId:N}"[..20] });
            db.GroupMembers.Add(new GroupMember { GroupId = principalId, MemberId = user.Id, MemberType = DirectoryObjectType.User });
            db.AppRoleAssignments.Add(new AppRoleAssignment
            {
                Id = OpaqueId.New(),
                TenantId = user.TenantId,
                PrincipalId = principalId,
                PrincipalType = DirectoryObjectType.Group,
                ResourceId = resource.Id,
                AppRoleId = application.AppRoles.Single(r => r.Value == role).Id,
                CreatedDateTime = DateTimeOffset.UnixEpoch,
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }
}
