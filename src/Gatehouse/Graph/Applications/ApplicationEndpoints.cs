using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Graph.References;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Applications;

/// <summary>
/// /applications (docs/protocol/graph-dataverse.md §2.3): list, get (by object id or appId), create (201), update (204),
/// delete (204) and owners, through the same directory operations as the portal and the CLI.
/// </summary>
internal static class ApplicationEndpoints
{
    public static readonly GraphOperation Read = new(
        [ApplicationReadAll, ApplicationReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [ApplicationReadAll, ApplicationReadWriteAll, ApplicationReadWriteOwnedBy, DirectoryReadAll, DirectoryReadWriteAll]);

    public static readonly GraphOperation Write = new(
        [ApplicationReadWriteAll, DirectoryAccessAsUserAll],
        [ApplicationReadWriteAll, ApplicationReadWriteOwnedBy]);

    public static void MapApplications(this RouteGroupBuilder graph)
    {
        graph.MapGet("/applications", ListAsync).Requires(Read);
        graph.MapGet("/applications/$count", CountAsync).Requires(Read);
        graph.MapPost("/applications", CreateAsync).Requires(Write);
        foreach (var application in new[] { graph.MapGroup("/applications/{id}"), graph.MapGroup("/applications(appId='{appId}')") })
        {
            application.MapGet("", GetAsync).Requires(Read);
            application.MapPatch("", UpdateAsync).Requires(Write);
            application.MapDelete("", DeleteAsync).Requires(Write);
            application.MapGet("/owners", ListOwnersAsync).Requires(Read);
            application.MapApplicationCredentials();
        }
    }

    private static IQueryable<Application> Visible(GatehouseDb db, GraphRequest request)
    {
        var applications = db.Applications.AsNoTracking().Include(a => a.PasswordCredentials).Include(a => a.KeyCredentials)
            .Where(a => a.TenantId == request.TenantId);
        var caller = request.Caller.ObjectId;
        return ApplicationAccess.OwnedOnly(request.Caller) ? applications.Where(a => a.Owners.Any(o => o.OwnerId == caller)) : applications;
    }

    private static Task<IResult> ListAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.ListAsync(request, Visible(db, request), ApplicationResource.Query, ApplicationResource.Shape, "applications",
            ApplicationResource.DefaultPageSize, withType: false, cancellationToken);

    private static Task<IResult> CountAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.CountAsync(request, Visible(db, request), ApplicationResource.Query, ApplicationResource.Shape.Type, cancellationToken);

    private static async Task<IResult> GetAsync(AlternateKey key, GraphRequest request, ApplicationRegistrations applications, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, ApplicationResource.Shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var select = read.Value.Select;
        var application = await ApplicationAccess.FindAsync(request, key, applications, cancellationToken);
        return application.Succeeded
            ? GraphResponses.Entity(request, "applications", ApplicationResource.Shape.Write(application.Value, select), select)
            : application.Error;
    }

    private static async Task<IResult> CreateAsync(
        GraphRequest request, ApplicationManifest manifest, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        // A signed-in user registers apps only where the tenant lets users do so, or in a role that may; they own what they register.
        var caller = request.Caller;
        if (caller.IsDelegated && !await managers.MayRegisterAsync(request.TenantId, caller.ObjectId, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        // The calling service principal owns what it creates, so that Application.ReadWrite.OwnedBy can go on managing it.
        var created = await manifest.CreateAsync(
            request.TenantId, JsonObject.Create(body)!, caller.ObjectId,
            caller.IsDelegated ? DirectoryObjectType.User : DirectoryObjectType.ServicePrincipal, cancellationToken);
        return created.Succeeded
            ? GraphResponses.Entity(request, "applications", ApplicationResource.Shape.Write(created.Value), status: StatusCodes.Status201Created)
            : GraphErrors.Directory(created.Error);
    }

    private static async Task<IResult> UpdateAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, ApplicationManagers managers, ApplicationManifest manifest,
        CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindToChangeAsync(request, key, applications, managers, cancellationToken);
        if (!application.Succeeded)
        {
            return application.Error;
        }

        var body = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var updated = await manifest.UpdateAsync(application.Value, JsonObject.Create(body.Value)!, cancellationToken);
        return updated.Succeeded ? Results.NoContent() : GraphErrors.Directory(updated.Error);
    }

    private static async Task<IResult> DeleteAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindToChangeAsync(request, key, applications, managers, cancellationToken);
        if (!application.Succeeded)
        {
            return application.Error;
        }

        var deleted = await applications.DeleteAsync(request.TenantId, application.Value.Id.ToString(), cancellationToken);
        return deleted.Succeeded ? Results.NoContent() : GraphErrors.Directory(deleted.Error);
    }

    /// <summary>The owners, users and service principals, each with its @odata.type (a mixed directoryObject collection).</summary>
    private static async Task<IResult> ListOwnersAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, GatehouseDb db, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(request, key, applications, cancellationToken);
        if (!application.Succeeded)
        {
            return application.Error;
        }

        var applicationId = application.Value.Id;
        var owners = db.ApplicationOwners.Where(o => o.ApplicationId == applicationId).OrderBy(o => o.OwnerId)
            .Select(o => new DirectoryObjectRow(o.OwnerId, o.OwnerType));
        return await DirectoryObjectList.ListAsync(request, db, [], owners, cancellationToken);
    }
}
