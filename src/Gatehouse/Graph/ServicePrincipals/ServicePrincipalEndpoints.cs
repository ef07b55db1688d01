using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.Graph.Applications;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.ServicePrincipals;

/// <summary>
/// /servicePrincipals (docs/protocol/graph-dataverse.md §2.4): list, get by object id or appId, create from an appId (201),
/// update (204) and delete (204). Microsoft Graph and the other first-party APIs are there in every tenant.
/// </summary>
internal static class ServicePrincipalEndpoints
{
    public static readonly GraphOperation Read = new(
        [ApplicationReadAll, ApplicationReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [ApplicationReadAll, ApplicationReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Write = ApplicationEndpoints.Write;

    public static void MapServicePrincipals(this RouteGroupBuilder graph)
    {
        graph.MapGet("/servicePrincipals", ListAsync).Requires(Read);
        graph.MapGet("/servicePrincipals/$count", CountAsync).Requires(Read);
        graph.MapPost("/servicePrincipals", CreateAsync).Requires(Write);
        foreach (var servicePrincipal in new[] { graph.MapGroup("/servicePrincipals/{id}"), graph.MapGroup("/servicePrincipals(appId='{appId}')") })
        {
            servicePrincipal.MapGet("", GetAsync).Requires(Read);
            servicePrincipal.MapPatch("", UpdateAsync).Requires(Write);
            servicePrincipal.MapDelete("", DeleteAsync).Requires(Write);
            servicePrincipal.MapAppRoleAssignments();
        }
    }

    /// <summary>The service principal the route names, or Graph's 400/404.</summary>
    public static async Task<Outcome<ServicePrincipal, GraphError>> FindAsync(
        GraphRequest request, AlternateKey key, ServicePrincipalDirectory directory, CancellationToken cancellationToken)
    {
        var id = key.Parse();
        if (!id.Succeeded)
        {
            return id.Error;
        }

        var found = key.IsAppId
            ? await directory.FindByAppIdAsync(request.TenantId, id.Value, cancellationToken)
            : await directory.FindAsync(request.TenantId, id.Value, cancellationToken);
        return found is null ? GraphErrors.NotFound(key.Value) : found;
    }

    private static IQueryable<ServicePrincipal> InTenant(GatehouseDb db, GraphRequest request) =>
        db.ServicePrincipals.AsNoTracking().Where(sp => sp.TenantId == request.TenantId);

    private static Task<IResult> ListAsync(GraphRequest request, GatehouseDb db, ServicePrincipalViews views, CancellationToken cancellationToken) =>
        GraphQuery.ListAsync(request, InTenant(db, request), ServicePrincipalResource.Query(db), views.OfAsync, ServicePrincipalResource.Shape,
            "servicePrincipals", ServicePrincipalResource.DefaultPageSize, withType: false, cancellationToken);

    private static Task<IResult> CountAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.CountAsync(request, InTenant(db, request), ServicePrincipalResource.Query(db), ServicePrincipalResource.Shape.Type, cancellationToken);

    private static async Task<IResult> GetAsync(
        AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, ServicePrincipalViews views, CancellationToken cancellationToken)
    {
        var read = GraphQuery.Read(request, ServicePrincipalResource.Shape);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var principal = await FindAsync(request, key, directory, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var select = read.Value.Select;
        var view = (await views.OfAsync([principal.Value], cancellationToken))[0];
        return GraphResponses.Entity(request, "servicePrincipals", ServicePrincipalResource.Shape.Write(view, select), select);
    }

    private static async Task<IResult> CreateAsync(
        GraphRequest request, ServicePrincipalDirectory directory, ApplicationRegistrations applications, ApplicationManagers managers,
        ServicePrincipalViews views, CancellationToken cancellationToken)
    {
        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        if (!Guid.TryParse(body.Text("appId"), out var appId))
        {
            return GraphErrors.BadRequest("Invalid value specified for property 'appId' of resource 'ServicePrincipal'.");
        }

        if (await MayChangeAsync(request, appId, applications, managers, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var created = await directory.CreateAsync(request.TenantId, appId, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.Kind == DirectoryObjects.DirectoryErrorKind.Conflict
                ? new GraphError(StatusCodes.Status409Conflict, "Request_MultipleObjectsWithSameKeyValue", created.Error.Message)
                : GraphErrors.Directory(created.Error);
        }

        var view = (await views.OfAsync([created.Value], cancellationToken))[0];
        return GraphResponses.Entity(request, "servicePrincipals", ServicePrincipalResource.Shape.Write(view), status: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(
        AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, ApplicationRegistrations applications, ApplicationManagers managers,
        CancellationToken cancellationToken)
    {
        var principal = await FindToChangeAsync(request, key, directory, applications, managers, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        foreach (var property in body.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            var wellTyped = property.Name switch
            {
                "displayName" => property.Value.ValueKind == JsonValueKind.String,
                "notes" => property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
                "accountEnabled" or "appRoleAssignmentRequired" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => false,
            };
            if (!wellTyped)
            {
                return GraphErrors.BadRequest($"Invalid value specified for property '{property.Name}' of resource 'ServicePrincipal'.");
            }
        }

        bool? Flag(string name) => body.TryGetProperty(name, out var value) ? value.GetBoolean() : null;
        var changes = new ServicePrincipalChanges(
            body.Text("displayName"), Flag("accountEnabled"), Flag("appRoleAssignmentRequired"), body.Text("notes"),
            ClearNotes: body.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Null);
        var updated = await directory.UpdateAsync(principal.Value, changes, cancellationToken);
        return updated.Succeeded ? Results.NoContent() : GraphErrors.Directory(updated.Error);
    }

    private static async Task<IResult> DeleteAsync(
        AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, ApplicationRegistrations applications, ApplicationManagers managers,
        CancellationToken cancellationToken)
    {
        var principal = await FindToChangeAsync(request, key, directory, applications, managers, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var deleted = await directory.DeleteAsync(principal.Value, cancellationToken);
        return deleted.Succeeded ? Results.NoContent() : GraphErrors.Directory(deleted.Error);
    }

    private static async Task<Outcome<ServicePrincipal, GraphError>> FindToChangeAsync(
        GraphRequest request, AlternateKey key, ServicePrincipalDirectory directory, ApplicationRegistrations applications, ApplicationManagers managers,
        CancellationToken cancellationToken)
    {
        var principal = await FindAsync(request, key, directory, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal;
        }

        return await MayChangeAsync(request, principal.Value.AppId, applications, managers, cancellationToken) is { } refusal ? refusal : principal;
    }

    /// <summary>
    /// As for the app itself: Application.ReadWrite.All, or the app's owner (OwnedBy, or a signed-in owner); a signed-in
    /// application administrator for any. Apps registered in other tenants are managed only with the broad permissions.
    /// </summary>
    private static async Task<GraphError?> MayChangeAsync(
        GraphRequest request, Guid appId, ApplicationRegistrations applications, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var found = await applications.FindAsync(request.TenantId, appId.ToString(), cancellationToken);
        if (found.Succeeded && found.Value.AppId == appId)
        {
            return await ApplicationAccess.MayChangeAsync(request, found.Value, managers, cancellationToken);
        }

        var caller = request.Caller;
        var allowed = caller.IsDelegated
            ? await managers.IsAdministratorAsync(request.TenantId, caller.ObjectId, cancellationToken)
            : caller.Roles.Contains(ApplicationReadWriteAll);
        return allowed ? null : GraphErrors.AccessDenied();
    }
}
