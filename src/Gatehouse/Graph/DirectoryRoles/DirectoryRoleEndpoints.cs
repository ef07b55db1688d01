using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.Graph.References;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.DirectoryRoles;

/// <summary>
/// /directoryRoles, their members, and members/$ref to assign and remove a role. A signed-in caller who changes
/// assignments must be a Global or Privileged Role Administrator, as in Entra.
/// </summary>
internal static class DirectoryRoleEndpoints
{
    private static readonly GraphOperation Read = new(
        [RoleManagementReadDirectory, RoleManagementReadWriteDirectory, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [RoleManagementReadDirectory, RoleManagementReadWriteDirectory, DirectoryReadAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Write = new(
        [RoleManagementReadWriteDirectory, DirectoryAccessAsUserAll],
        [RoleManagementReadWriteDirectory]);

    private static readonly DirectoryRoleTemplate[] RoleManagers = [DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.PrivilegedRoleAdministrator];

    public static void MapDirectoryRoles(this RouteGroupBuilder graph)
    {
        graph.MapGet("/directoryRoles", List).Requires(Read);
        graph.MapGet("/directoryRoles(roleTemplateId='{id}')", Get).Requires(Read);
        graph.MapGet("/directoryRoles/{id}", Get).Requires(Read);
        graph.MapGet("/directoryRoles/{id}/members", MembersAsync).Requires(Read);
        graph.MapPost("/directoryRoles/{id}/members/$ref", AddMemberAsync).Requires(Write);
        graph.MapDelete("/directoryRoles/{id}/members/{objectId}/$ref", RemoveMemberAsync).Requires(Write);
    }

    private static IResult List(GraphRequest request)
    {
        var read = GraphQuery.Read(request, DirectoryRoleResource.Shape.Names, "directoryRole");
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (options, select) = read.Value;
        return options.Filter is not null || options.OrderBy is not null || options.Search is not null
            ? new GraphError(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "directoryRoles supports only $select; use /directoryRoles(roleTemplateId='…') to find one.")
            : GraphResponses.Collection(request, "directoryRoles", DirectoryRoleResource.Activated.Select(r => DirectoryRoleResource.Shape.Write(r, select)), null, null, select);
    }

    private static IResult Get(string id, GraphRequest request)
    {
        var read = GraphQuery.Read(request, DirectoryRoleResource.Shape.Names, "directoryRole");
        return !read.Succeeded ? read.Error
            : DirectoryRoleResource.Find(id) is { } role ? GraphResponses.Entity(request, "directoryRoles", DirectoryRoleResource.Shape.Write(role, read.Value.Select), read.Value.Select)
            : GraphErrors.NotFound(id);
    }

    private static async Task<IResult> MembersAsync(string id, GraphRequest request, GatehouseDb db, CancellationToken cancellationToken)
    {
        if (DirectoryRoleResource.Find(id) is not { } role)
        {
            return GraphErrors.NotFound(id);
        }

        var rows = db.DirectoryRoleMembers
            .Where(m => m.TenantId == request.TenantId && m.RoleTemplateId == role.Id)
            .OrderBy(m => m.PrincipalId)
            .Select(m => new DirectoryObjectRow(m.PrincipalId, m.PrincipalType));
        return await DirectoryObjectList.ListAsync(request, db, [], rows, cancellationToken);
    }

    private static async Task<IResult> AddMemberAsync(
        string id, GraphRequest request, GatehouseDb db, DirectoryRoleAssignments assignments, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (DirectoryRoleResource.Find(id) is not { } role)
        {
            return GraphErrors.NotFound(id);
        }

        if (!await administrators.HoldsAnyAsync(request, RoleManagers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var reference = await DirectoryObjectReference.ReadAsync(request.Context.Request, cancellationToken);
        if (!reference.Succeeded)
        {
            return reference.Error;
        }

        var principalId = reference.Value;
        if (await db.DirectoryRoleMembers.AnyAsync(m => m.TenantId == request.TenantId && m.RoleTemplateId == role.Id && m.PrincipalId == principalId, cancellationToken))
        {
            return GraphErrors.BadRequest("One or more added object references already exist for the following modified properties: 'members'.");
        }

        var added = await assignments.AddMemberAsync(request.TenantId, role, principalId, cancellationToken);
        return added.Succeeded
            ? Results.NoContent()
            : added.Error.Kind == DirectoryErrorKind.NotFound ? GraphErrors.NotFound(principalId.ToString()) : GraphErrors.Directory(added.Error);
    }

    private static async Task<IResult> RemoveMemberAsync(
        string id, string objectId, GraphRequest request, DirectoryRoleAssignments assignments, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        if (DirectoryRoleResource.Find(id) is not { } role)
        {
            return GraphErrors.NotFound(id);
        }

        if (!await administrators.HoldsAnyAsync(request, RoleManagers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        return Guid.TryParse(objectId, out var principalId) && await assignments.RemoveMemberAsync(request.TenantId, role, principalId, cancellationToken)
            ? Results.NoContent()
            : GraphErrors.NotFound(objectId);
    }
}
