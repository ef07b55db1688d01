using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Applications;

/// <summary>"Roles and administrators" lists the four app roles with their direct members in this tenant only.</summary>
public sealed class ApplicationAdministratorsTests
{
    private const string Password = "Admin-Passw0rd-913";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Each_role_lists_its_direct_members_groups_unexpanded_and_no_other_tenants(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var tenantId = harness.Tenant.Id;
        var cloud = await CreateUserAsync(harness, tenantId, "cloud@harness.onmicrosoft.com", "Cloud Admin");
        var developer = await CreateUserAsync(harness, tenantId, "dev@harness.onmicrosoft.com", "Dev Eloper");
        var member = await CreateUserAsync(harness, tenantId, "member@harness.onmicrosoft.com", "Group Member");
        var group = await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().CreateAsync(tenantId, new NewGroup("App admins"), Ct));
        await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().AddMemberAsync(tenantId, group.Value!.Id, member, Ct));
        await AssignAsync(harness, tenantId, DirectoryRoleTemplate.CloudApplicationAdministrator, cloud);
        await AssignAsync(harness, tenantId, DirectoryRoleTemplate.ApplicationDeveloper, developer);
        await AssignAsync(harness, tenantId, DirectoryRoleTemplate.ApplicationAdministrator, group.Value!.Id);
        await AssignAsync(harness, tenantId, DirectoryRoleTemplate.UserAdministrator, member);
        var other = await harness.RunAsync(s => s.GetRequiredService<TenantProvisioning>().CreateAsync(Guid.NewGuid(), "Other Directory", "other.onmicrosoft.com", Ct));
        var stranger = await CreateUserAsync(harness, other.Value!.Id, "admin@other.onmicrosoft.com", "Other Admin");
        await AssignAsync(harness, other.Value.Id, DirectoryRoleTemplate.GlobalAdministrator, stranger);

        var roles = await harness.RunAsync(s => s.GetRequiredService<ApplicationAdministrators>().ListAsync(tenantId, Ct));

        Assert.Equal(ApplicationAdministrators.Roles, roles.Select(r => r.Role));
        var members = roles.ToDictionary(r => r.Role, r => r.Members.Select(m => (m.DisplayName, m.Type)).ToList());
        Assert.Empty(members[DirectoryRoleTemplate.GlobalAdministrator]);
        Assert.Equal([("App admins", DirectoryObjectType.Group)], members[DirectoryRoleTemplate.ApplicationAdministrator]);
        Assert.Equal([("Cloud Admin", DirectoryObjectType.User)], members[DirectoryRoleTemplate.CloudApplicationAdministrator]);
        Assert.Equal([("Dev Eloper", DirectoryObjectType.User)], members[DirectoryRoleTemplate.ApplicationDeveloper]);
    }

    private static async Task<Guid> CreateUserAsync(DirectoryHarness harness, Guid tenantId, string upn, string displayName)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<UserAccounts>().CreateAsync(tenantId, new NewUser(upn, Password, displayName), Ct));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value.Id;
    }

    private static async Task AssignAsync(DirectoryHarness harness, Guid tenantId, DirectoryRoleTemplate role, Guid principalId)
    {
        var assigned = await harness.RunAsync(s => s.GetRequiredService<DirectoryRoleAssignments>().AddMemberAsync(tenantId, role, principalId, Ct));
        Assert.True(assigned.Succeeded, assigned.Error?.Message);
    }
}
