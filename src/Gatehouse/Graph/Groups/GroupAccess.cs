using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Roles;

namespace Gatehouse.Graph.Groups;

/// <summary>
/// What a caller may do to one group beyond the token's permission. A signed-in user changes a group only as its owner
/// or as a Global or User Administrator (Entra's built-in roles); hidden members are visible with Member.Read.Hidden,
/// and to the group's own members and owners.
/// </summary>
internal sealed class GroupAccess(GroupMemberships groups, DirectoryRoleAssignments roles)
{
    private static readonly DirectoryRoleTemplate[] GroupManagers = [DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.UserAdministrator];

    /// <summary>The group the path names, when the caller may change it: else Graph's 404 or 403.</summary>
    public async Task<Outcome<Group, GraphError>> FindManageableAsync(GraphRequest request, string id, CancellationToken cancellationToken)
    {
        var group = await GroupEndpoints.Find(request, id, groups, cancellationToken);
        return group is null ? GraphErrors.NotFound(id)
            : await MayManageAsync(request, group, cancellationToken) ? group
            : GraphErrors.AccessDenied();
    }

    public async Task<bool> MayManageAsync(GraphRequest request, Group group, CancellationToken cancellationToken) =>
        request.Caller.UserId is not { } signedIn
        || await groups.IsOwnerAsync(group.Id, signedIn, cancellationToken)
        || await roles.HoldsAnyAsync(request.TenantId, signedIn, GroupManagers, cancellationToken);

    public async Task<bool> MaySeeMembersAsync(GraphRequest request, Group group, CancellationToken cancellationToken) =>
        !group.HidesMembers
        || request.Caller.HasAny([GraphPermission.MemberReadHidden], [GraphPermission.MemberReadHidden])
        || (request.Caller.UserId is { } signedIn && await groups.IsMemberOrOwnerAsync(group.Id, signedIn, cancellationToken));
}
