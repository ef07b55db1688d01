using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Graph.References;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Graph.Users;

/// <summary>
/// GET /users/{id}/manager, PUT …/manager/$ref with {"@odata.id": "…/users/{managerId}"} (204) and DELETE …/manager/$ref
/// (204): the user's manager, as the SDK's Users[id].Manager calls it.
/// </summary>
internal static class UserManager
{
    public static void MapManager(this RouteGroupBuilder graph, GraphOperation read, GraphOperation write)
    {
        graph.MapGet("/users/{id}/manager", GetAsync).Requires(read);
        graph.MapPut("/users/{id}/manager/$ref", SetAsync).Requires(write);
        graph.MapDelete("/users/{id}/manager/$ref", (string id, GraphRequest request, UserAccounts users, AdministratorCheck administrators, CancellationToken ct) =>
            ChangeAsync(id, null, request, users, administrators, ct)).Requires(write);
    }

    private static async Task<IResult> GetAsync(string id, GraphRequest request, UserAccounts users, GatehouseDb db, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.TenantId, id, cancellationToken);
        if (user is null || !request.MayReach(user.Id))
        {
            return user is null ? GraphErrors.NotFound(id) : GraphErrors.AccessDenied();
        }

        var read = GraphQuery.Read(request, UserResource.Shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var select = read.Value.Select;
        var manager = user.ManagerId is { } managerId
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(m => m.TenantId == request.TenantId && m.Id == managerId, cancellationToken)
            : null;
        return manager is null
            ? GraphErrors.NotFound("manager")
            : GraphResponses.Entity(request, "directoryObjects", UserResource.Shape.Write(manager, select, withType: true), select);
    }

    private static async Task<IResult> SetAsync(string id, GraphRequest request, UserAccounts users, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        var manager = await DirectoryObjectReference.ReadAsync(request.Context.Request, cancellationToken);
        return manager.Succeeded ? await ChangeAsync(id, manager.Value, request, users, administrators, cancellationToken) : manager.Error;
    }

    private static async Task<IResult> ChangeAsync(
        string id, Guid? managerId, GraphRequest request, UserAccounts users, AdministratorCheck administrators, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.TenantId, id, cancellationToken);
        if (user is null)
        {
            return GraphErrors.NotFound(id);
        }

        if (!await administrators.HoldsAnyAsync(request, UserDeletion.UserManagers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var changed = await users.SetManagerAsync(request.TenantId, user.Id, managerId, cancellationToken);
        return changed.Succeeded
            ? Results.NoContent()
            : changed.Error.Kind == DirectoryErrorKind.NotFound ? GraphErrors.NotFound(managerId?.ToString() ?? id) : GraphErrors.Directory(changed.Error);
    }
}
