using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Portal.Groups;

/// <summary>Members: the group's direct members (users, groups, service principals).</summary>
internal sealed class MembersModel(GroupMemberships groups, UserAccounts users, PrincipalNames names) : GroupPrincipalsModel(groups, users, names)
{
    public override string Blade => "Members";

    public override string Noun => "member";

    public override string AddHint => "A user's principal name (alias@domain), or the object ID of a user, group or service principal of this directory.";

    protected override async Task<IReadOnlyCollection<(Guid Id, DirectoryObjectType Type)>> ListAsync() =>
        [.. (await Groups.MembersAsync(Group.Id, HttpContext.RequestAborted)).Select(m => (m.MemberId, m.MemberType))];

    protected override async Task<DirectoryError?> AddAsync(Guid principalId)
    {
        var added = await Groups.AddMemberAsync(User.TenantId(), Group.Id, principalId, HttpContext.RequestAborted);
        return added.Succeeded ? null : added.Error;
    }

    protected override Task<bool> RemoveAsync(Guid principalId) => Groups.RemoveMemberAsync(Group.Id, principalId, HttpContext.RequestAborted);
}
