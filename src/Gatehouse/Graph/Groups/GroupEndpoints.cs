using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Groups;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Groups;

/// <summary>/groups (docs/protocol/graph-dataverse.md §2.2), with the permissions Graph documents for each operation.</summary>
internal static class GroupEndpoints
{
    public static readonly GraphOperation Read = new(
        [GroupMemberReadAll, GroupReadAll, GroupMemberReadWriteAll, GroupReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [GroupMemberReadAll, GroupReadAll, GroupMemberReadWriteAll, GroupReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Create = new(
        [GroupCreate, GroupReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [GroupCreate, GroupReadWriteAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Write = new(
        [GroupReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [GroupReadWriteAll, DirectoryReadWriteAll]);

    public static readonly GraphOperation WriteMembers = new(
        [GroupMemberReadWriteAll, GroupReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [GroupMemberReadWriteAll, GroupReadWriteAll, DirectoryReadWriteAll]);

    public static void MapGroups(this RouteGroupBuilder graph)
    {
        graph.MapGet("/groups", ListAsync).Requires(Read);
        graph.MapGet("/groups/$count", CountAsync).Requires(Read);
        graph.MapPost("/groups", GroupWrites.CreateAsync).Requires(Create);
        graph.MapGet("/groups/{id}", GetAsync).Requires(Read);
        graph.MapPatch("/groups/{id}", GroupWrites.UpdateAsync).Requires(Write);
        graph.MapDelete("/groups/{id}", GroupWrites.DeleteAsync).Requires(Write);
        graph.MapGroupRelations();
    }

    private static IQueryable<Group> InTenant(GatehouseDb db, GraphRequest request) =>
        db.Groups.AsNoTracking().Where(g => g.TenantId == request.TenantId);

    private static Task<IResult> ListAsync(GraphRequest request, GatehouseDb db, GroupAccess access, CancellationToken cancellationToken) =>
        GraphQuery.ListAsync(
            request, InTenant(db, request), GroupResource.Query, GroupResource.Shape, "groups", GroupResource.DefaultPageSize, withType: false, cancellationToken,
            GroupExpansions.For(db, request, access, cancellationToken));

    private static Task<IResult> CountAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.CountAsync(request, InTenant(db, request), GroupResource.Query, GroupResource.Shape.Type, cancellationToken);

    private static async Task<IResult> GetAsync(
        string id, GraphRequest request, GroupMemberships groups, GatehouseDb db, GroupAccess access, CancellationToken cancellationToken) =>
        await Find(request, id, groups, cancellationToken) is { } group
            ? await GraphQuery.EntityAsync(request, group, GroupResource.Shape, "groups", GroupExpansions.For(db, request, access, cancellationToken), cancellationToken)
            : GraphErrors.NotFound(id);

    /// <summary>The group the path names in the caller's tenant, or null (Graph's 404) for an unknown or malformed id.</summary>
    public static async Task<Group?> Find(GraphRequest request, string id, GroupMemberships groups, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var groupId) ? await groups.FindAsync(request.TenantId, groupId, cancellationToken) : null;
}
