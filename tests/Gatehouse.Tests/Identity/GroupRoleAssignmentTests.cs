using System.Net;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Identity;

/// <summary>`gatehouse app role assign --group`: the group's members get the app role in their access tokens' roles, others do not, until it is removed.</summary>
public sealed class GroupRoleAssignmentTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    [Theory]
    [BothStores]
    public async Task A_role_assigned_to_a_group_is_in_its_members_access_tokens_until_it_is_removed(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var member = await DelegatedSignIn.CreateAsync(gatehouse, "grp-member");
        using var outsider = await member.WithAnotherUserAsync();
        var appIdUri = $"api://grp-{Guid.NewGuid():N}";
        var api = await GatehouseCli.CreateAppAsync(gatehouse.Store, "grp-api");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "api", "set", "--app", api, "--identifier-uri", appIdUri);
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "scope", "add", "--app", api, "--value", "Orders.Read", "--display-name", "Read orders");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "add", "--app", api, "--value", "Orders.Approver", "--display-name", "Approver", "--allowed-member-types", "User");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "permission", "add", "--app", member.Client.AppId, "--api", appIdUri, "--permission", "Orders.Read", "--type", "Delegated");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "consent", "--app", member.Client.AppId);
        var groupName = $"Approvers {Guid.NewGuid():N}";
        var groupId = await GroupWithMemberAsync(gatehouse, groupName, member.Upn);

        var assigned = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "assign", "--app", api, "--role", "Orders.Approver", "--group", groupName);
        var memberRoles = await AccessTokenRolesAsync(member, appIdUri);
        var outsiderRoles = await AccessTokenRolesAsync(outsider, appIdUri);
        var removed = await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "unassign", "--app", api, "--role", "Orders.Approver", "--group", groupId.ToString());
        var afterwards = await AccessTokenRolesAsync(member, appIdUri);

        Assert.Equal(groupId.ToString(), assigned.GetProperty("principalId").GetString());
        Assert.Equal("Group", assigned.GetProperty("principalType").GetString());
        Assert.Equal(["Orders.Approver"], memberRoles);
        Assert.Empty(outsiderRoles);
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.Empty(afterwards);
    }

    [Theory]
    [BothStores]
    public async Task The_CLI_takes_exactly_one_of_user_and_group_and_refuses_an_unknown_group(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var app = await GatehouseCli.CreateAppAsync(gatehouse.Store, "grp-refusals");
        await GatehouseCli.JsonAsync(gatehouse.Store, "app", "role", "add", "--app", app, "--value", "Reader", "--display-name", "Reader", "--allowed-member-types", "User");

        var both = await GatehouseCli.RefusedAsync(gatehouse.Store, "app", "role", "assign", "--app", app, "--role", "Reader", "--user", "someone@" + TokenServiceFixture.TenantDomain, "--group", "Readers");
        var neither = await GatehouseCli.RefusedAsync(gatehouse.Store, "app", "role", "assign", "--app", app, "--role", "Reader");
        var unknown = await GatehouseCli.RefusedAsync(gatehouse.Store, "app", "role", "assign", "--app", app, "--role", "Reader", "--group", "No such group");

        Assert.Contains("either --user or --group", both.Message, StringComparison.Ordinal);
        Assert.Contains("either --user or --group", neither.Message, StringComparison.Ordinal);
        Assert.Contains("No group 'No such group'", unknown.Message, StringComparison.Ordinal);
    }

    /// <summary>A security group with the user as its one member, made as Graph's POST /groups and members/$ref make it (no CLI verb makes groups).</summary>
    private static async Task<Guid> GroupWithMemberAsync(TokenServiceFixture gatehouse, string displayName, string upn)
    {
        await using var harness = await DirectoryHarness.OpenAsync(gatehouse.Store);
        return await harness.RunAsync(async services =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            var user = await services.GetRequiredService<GatehouseDb>().Users.SingleAsync(u => u.UserPrincipalName == upn, cancellationToken);
            var groups = services.GetRequiredService<GroupMemberships>();
            var group = await groups.CreateAsync(harness.Tenant.Id, new NewGroup(displayName), cancellationToken);
            Assert.True(group.Succeeded, group.Error?.Message);
            var added = await groups.AddMemberAsync(harness.Tenant.Id, group.Value.Id, user.Id, cancellationToken);
            Assert.True(added.Succeeded, added.Error?.Message);
            return group.Value.Id;
        });
    }

    private static async Task<string[]> AccessTokenRolesAsync(DelegatedSignIn flow, string appIdUri)
    {
        var scope = $"openid {appIdUri}/Orders.Read";
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var authorize = await flow.AuthorizeAsync(flow.AuthorizeUrl(challenge, scope: scope));
        var response = await flow.Gatehouse.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = flow.Client.AppId,
            ["client_secret"] = flow.Client.Secret,
            ["code"] = DelegatedSignIn.Query(authorize.Headers.Location!)["code"],
            ["redirect_uri"] = flow.Redirect,
            ["code_verifier"] = verifier,
            ["scope"] = scope,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = Jwt.Payload((await AuthorizationCodeGrantTests.ReadAsync(response)).GetProperty("access_token").GetString()!);
        return access.TryGetProperty("roles", out var roles) ? [.. roles.EnumerateArray().Select(r => r.GetString()!)] : [];
    }
}
