using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Graph.References;
using Gatehouse.Graph.DirectoryRoles;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Users;

/// <summary>
/// /users/{id}/memberOf and /me/memberOf: the directory roles the user holds, then the groups it is a direct member of.
/// Groups with hidden membership appear only with Member.Read.Hidden or to the user themself.
/// </summary>
internal static class UserMemberOf
{
    public static readonly GraphOperation Read = new(
        [UserReadAll, GroupMemberReadAll, GroupReadAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [UserReadAll, GroupMemberReadAll, GroupReadAll, DirectoryReadAll, DirectoryReadWriteAll])
    {
        Self = [UserRead, UserReadWrite],
    };

    public static void MapMemberOf(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{id}/memberOf", ListAsync).Requires(Read);
        graph.MapGet("/me/memberOf", (GraphRequest request, GatehouseDb db, UserAccounts users, CancellationToken ct) =>
            request.Caller.UserId is { } me ? ListAsync(me.ToString(), request, db, users, ct) : Task.FromResult<IResult>(GraphErrors.MeNeedsDelegation())).Requires(Read);
    }

    private static async Task<IResult> ListAsync(string id, GraphRequest request, GatehouseDb db, UserAccounts users, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.TenantId, id, cancellationToken);
        if (user is null)
        {
            return GraphErrors.NotFound(id);
        }

        if (!request.MayReach(user.Id))
        {
            return GraphErrors.AccessDenied();
        }

        var seesHidden = request.Caller.UserId == user.Id || request.Caller.HasAny([MemberReadHidden], [MemberReadHidden]);
        var roles = await DirectoryRoleResource.HeldByAsync(db, request.TenantId, user.Id, cancellationToken);
        var groups = db.GroupMembers
            .Where(m => m.MemberId == user.Id
                && db.Groups.Any(g => g.Id == m.GroupId && g.TenantId == request.TenantId && (seesHidden || g.Visibility != Group.HiddenMembership)))
            .OrderBy(m => m.GroupId)
            .Select(m => new DirectoryObjectRow(m.GroupId, DirectoryObjectType.Group));
        return await DirectoryObjectList.ListAsync(request, db, [.. roles.Select(r => DirectoryRoleResource.Shape.Write(r, withType: true))], groups, cancellationToken);
    }
}
