using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.Graph.References;

namespace Gatehouse.Graph.Groups;

/// <summary>
/// /groups/{id}/members and /owners (docs/protocol/graph-dataverse.md §2.2): mixed directoryObject lists, and $ref to add
/// (POST …/$ref with @odata.id) and remove (DELETE …/{objectId}/$ref) one object at a time.
/// </summary>
internal static class GroupRelations
{
    private const string Members = "members";
    private const string Owners = "owners";

    public static void MapGroupRelations(this RouteGroupBuilder graph)
    {
        graph.MapGet("/groups/{id}/members", (string id, GraphRequest request, GatehouseDb db, GroupMemberships groups, GroupAccess access, CancellationToken ct) =>
            ListAsync(id, Members, request, db, groups, access, ct)).Requires(GroupEndpoints.Read);
        graph.MapGet("/groups/{id}/owners", (string id, GraphRequest request, GatehouseDb db, GroupMemberships groups, GroupAccess access, CancellationToken ct) =>
            ListAsync(id, Owners, request, db, groups, access, ct)).Requires(GroupEndpoints.Read);
        graph.MapPost("/groups/{id}/members/$ref", (string id, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken ct) =>
            AddAsync(id, Members, request, groups, access, ct)).Requires(GroupEndpoints.WriteMembers);
        graph.MapPost("/groups/{id}/owners/$ref", (string id, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken ct) =>
            AddAsync(id, Owners, request, groups, access, ct)).Requires(GroupEndpoints.WriteMembers);
        graph.MapDelete("/groups/{id}/members/{objectId}/$ref", (string id, string objectId, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken ct) =>
            RemoveAsync(id, objectId, Members, request, groups, access, ct)).Requires(GroupEndpoints.WriteMembers);
        graph.MapDelete("/groups/{id}/owners/{objectId}/$ref", (string id, string objectId, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken ct) =>
            RemoveAsync(id, objectId, Owners, request, groups, access, ct)).Requires(GroupEndpoints.WriteMembers);
    }

    private static async Task<IResult> ListAsync(
        string id, string relation, GraphRequest request, GatehouseDb db, GroupMemberships groups, GroupAccess access, CancellationToken cancellationToken)
    {
        var group = await GroupEndpoints.Find(request, id, groups, cancellationToken);
        if (group is null)
        {
            return GraphErrors.NotFound(id);
        }

        if (relation == Members && !await access.MaySeeMembersAsync(request, group, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var rows = relation == Members
            ? db.GroupMembers.Where(m => m.GroupId == group.Id).OrderBy(m => m.MemberId).Select(m => new DirectoryObjectRow(m.MemberId, m.MemberType))
            : db.GroupOwners.Where(o => o.GroupId == group.Id).OrderBy(o => o.OwnerId).Select(o => new DirectoryObjectRow(o.OwnerId, o.OwnerType));
        return await DirectoryObjectList.ListAsync(request, db, [], rows, cancellationToken);
    }

    private static async Task<IResult> AddAsync(
        string id, string relation, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken cancellationToken)
    {
        var manageable = await access.FindManageableAsync(request, id, cancellationToken);
        if (!manageable.Succeeded)
        {
            return manageable.Error;
        }

        var group = manageable.Value;
        var reference = await DirectoryObjectReference.ReadAsync(request.Context.Request, cancellationToken);
        if (!reference.Succeeded)
        {
            return reference.Error;
        }

        var objectId = reference.Value;
        var error = relation == Members
            ? (await groups.AddMemberAsync(request.TenantId, group.Id, objectId, cancellationToken)).Error
            : (await groups.AddOwnerAsync(request.TenantId, group.Id, objectId, cancellationToken)).Error;
        return error switch
        {
            null => Results.NoContent(),
            { Kind: DirectoryErrorKind.NotFound } => GraphErrors.NotFound(objectId.ToString()),
            _ => GraphErrors.Directory(error),
        };
    }

    private static async Task<IResult> RemoveAsync(
        string id, string objectId, string relation, GraphRequest request, GroupMemberships groups, GroupAccess access, CancellationToken cancellationToken)
    {
        var manageable = await access.FindManageableAsync(request, id, cancellationToken);
        if (!manageable.Succeeded)
        {
            return manageable.Error;
        }

        var group = manageable.Value;
        var removed = Guid.TryParse(objectId, out var target) && (relation == Members
            ? await groups.RemoveMemberAsync(group.Id, target, cancellationToken)
            : await groups.RemoveOwnerAsync(group.Id, target, cancellationToken));
        return removed ? Results.NoContent() : GraphErrors.NotFound(objectId);
    }
}
