using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Users;

/// <summary>/users and /me (docs/protocol/graph-dataverse.md §2.1).</summary>
internal static class UserEndpoints
{
    private static readonly GraphOperation Read = new(
        [UserReadBasicAll, UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [UserReadBasicAll, UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll])
    {
        Self = [UserRead, UserReadWrite],
    };

    private static readonly GraphOperation Write = new(
        [UserReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [UserReadWriteAll, DirectoryReadWriteAll]);

    public static void MapUsers(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users", ListAsync).Requires(Read with { Self = [] });
        graph.MapPost("/users", UserCreation.CreateAsync).Requires(Write);
        graph.MapGet("/users/$count", CountAsync).Requires(Read with { Self = [] });
        graph.MapGet("/users/{id}", GetAsync).Requires(Read);
        graph.MapPatch("/users/{id}", UserUpdate.UpdateAsync).Requires(Write with { Self = [UserReadWrite] });
        graph.MapDelete("/users/{id}", UserDeletion.DeleteAsync).Requires(Write);
        graph.MapMemberOf();
        graph.MapManager(Read, Write);
        graph.MapGet("/me", GetMeAsync).Requires(Read);
        graph.MapPatch("/me", UserUpdate.UpdateMeAsync).Requires(Write with { Self = [UserReadWrite] });
    }

    private static IQueryable<User> InTenant(GatehouseDb db, GraphRequest request) =>
        db.Users.AsNoTracking().Where(u => u.TenantId == request.TenantId);

    private static Task<IResult> ListAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.ListAsync(
            request, InTenant(db, request), UserResource.Query, UserResource.Shape, "users", UserResource.DefaultPageSize, withType: false, cancellationToken,
            UserExpansions.For(db, request.TenantId));

    private static Task<IResult> CountAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.CountAsync(request, InTenant(db, request), UserResource.Query, UserResource.Shape.Type, cancellationToken);

    private static async Task<IResult> GetAsync(string id, GraphRequest request, UserAccounts users, GatehouseDb db, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, UserResource.Shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var user = await users.FindAsync(request.TenantId, id, cancellationToken);
        if (user is null)
        {
            return GraphErrors.NotFound(id);
        }

        return request.MayReach(user.Id)
            ? await GraphQuery.EntityAsync(request, user, UserResource.Shape, "users", UserExpansions.For(db, request.TenantId), cancellationToken)
            : GraphErrors.AccessDenied();
    }

    private static Task<IResult> GetMeAsync(GraphRequest request, UserAccounts users, GatehouseDb db, CancellationToken cancellationToken) =>
        request.Caller.UserId is { } me
            ? GetAsync(me.ToString(), request, users, db, cancellationToken)
            : Task.FromResult<IResult>(GraphErrors.MeNeedsDelegation());
}
