using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Groups;

/// <summary>Groups with members and owners, and directory roles held through a group.</summary>
public sealed class GroupMembershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task Members_and_owners_are_added_once_and_removed(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var user = await CreateUserAsync(harness, "member@harness.onmicrosoft.com");
        var group = (await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>()
            .CreateAsync(harness.Tenant.Id, new NewGroup("Engineering", Visibility: Group.HiddenMembership), Ct))).Value!;

        var added = await Memberships(harness, m => m.AddMemberAsync(harness.Tenant.Id, group.Id, user, Ct));
        var again = await Memberships(harness, m => m.AddMemberAsync(harness.Tenant.Id, group.Id, user, Ct));
        var itself = await Memberships(harness, m => m.AddMemberAsync(harness.Tenant.Id, group.Id, group.Id, Ct));
        var stranger = await Memberships(harness, m => m.AddMemberAsync(harness.Tenant.Id, group.Id, Guid.NewGuid(), Ct));
        var owner = await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().AddOwnerAsync(harness.Tenant.Id, group.Id, user, Ct));
        var groupAsOwner = await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().AddOwnerAsync(harness.Tenant.Id, group.Id, group.Id, Ct));

        Assert.Equal(DirectoryObjectType.User, added.Value?.MemberType);
        Assert.Equal(DirectoryErrorKind.Conflict, again.Error?.Kind);
        Assert.Equal(DirectoryErrorKind.InvalidValue, itself.Error?.Kind);
        Assert.Equal(DirectoryErrorKind.NotFound, stranger.Error?.Kind);
        Assert.True(owner.Succeeded, owner.Error?.Message);
        Assert.Equal(DirectoryErrorKind.NotFound, groupAsOwner.Error?.Kind);

        Assert.True(await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().RemoveMemberAsync(group.Id, user, Ct)));
        Assert.True(await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().RemoveOwnerAsync(group.Id, user, Ct)));
        Assert.False(await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().RemoveMemberAsync(group.Id, user, Ct)));
    }

    [Theory]
    [BothStores]
    public async Task A_role_assigned_to_a_group_is_held_by_its_members_until_they_leave(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var user = await CreateUserAsync(harness, "admin-by-group@harness.onmicrosoft.com");
        var group = (await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>()
            .CreateAsync(harness.Tenant.Id, new NewGroup("App admins"), Ct))).Value!;
        await Memberships(harness, m => m.AddMemberAsync(harness.Tenant.Id, group.Id, user, Ct));
        await harness.RunAsync(s => s.GetRequiredService<DirectoryRoleAssignments>()
            .AddMemberAsync(harness.Tenant.Id, DirectoryRoleTemplate.ApplicationAdministrator, group.Id, Ct));

        Assert.True(await HoldsAsync(harness, user, DirectoryRoleTemplate.ApplicationAdministrator));
        Assert.False(await HoldsAsync(harness, user, DirectoryRoleTemplate.GlobalAdministrator));

        await harness.RunAsync(s => s.GetRequiredService<GroupMemberships>().RemoveMemberAsync(group.Id, user, Ct));
        Assert.False(await HoldsAsync(harness, user, DirectoryRoleTemplate.ApplicationAdministrator));
    }

    private static Task<Outcome<GroupMember, DirectoryError>> Memberships(DirectoryHarness harness, Func<GroupMemberships, Task<Outcome<GroupMember, DirectoryError>>> act) =>
        harness.RunAsync(s => act(s.GetRequiredService<GroupMemberships>()));

    private static Task<bool> HoldsAsync(DirectoryHarness harness, Guid user, DirectoryRoleTemplate role) =>
        harness.RunAsync(s => s.GetRequiredService<DirectoryRoleAssignments>().HoldsAnyAsync(harness.Tenant.Id, user, [role], Ct));

    private static async Task<Guid> CreateUserAsync(DirectoryHarness harness, string upn)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<UserAccounts>()
            .CreateAsync(harness.Tenant.Id, new NewUser(upn, "Gr0up-Passw0rd-77"), Ct));
        return created.Value!.Id;
    }
}
