using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.OData;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.OAuth2PermissionGrants;

/// <summary>
/// /oauth2PermissionGrants (docs/protocol/graph-dataverse.md §2.5): delegated grants of a client service principal on a
/// resource, for everyone (AllPrincipals) or one user (Principal). What a grant holds is in the next delegated token's scp.
/// </summary>
internal static class PermissionGrantEndpoints
{
    private static readonly GraphOperation Read = new(
        [DelegatedPermissionGrantReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [DelegatedPermissionGrantReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll]);

    private static readonly GraphOperation Write = new(
        [DelegatedPermissionGrantReadWriteAll, DirectoryReadWriteAll, DirectoryAccessAsUserAll],
        [DelegatedPermissionGrantReadWriteAll, DirectoryReadWriteAll]);

    public static readonly GraphShape<OAuth2PermissionGrant> Shape = new GraphShape<OAuth2PermissionGrant>("oAuth2PermissionGrant")
        .Add("clientId", g => g.ClientId)
        .Add("consentType", g => g.ConsentType)
        .Add("id", g => g.Id)
        .Add("principalId", g => g.PrincipalId)
        .Add("resourceId", g => g.ResourceId)
        .Add("scope", g => g.Scope);

    private static readonly QueryMap<OAuth2PermissionGrant> Query = new QueryMap<OAuth2PermissionGrant>("OAuth2PermissionGrant", g => g.Id)
        .Property("clientId", g => g.ClientId, FilterOperations.Equals | FilterOperations.In)
        .Property("resourceId", g => g.ResourceId, FilterOperations.Equals | FilterOperations.In)
        .Property("principalId", g => g.PrincipalId, FilterOperations.Equals | FilterOperations.In | FilterOperations.Null)
        .Property("consentType", g => g.ConsentType, FilterOperations.Equals | FilterOperations.In)
        .Property("id", g => g.Id, FilterOperations.Equals | FilterOperations.In);

    public static void MapPermissionGrants(this RouteGroupBuilder graph)
    {
        graph.MapGet("/oauth2PermissionGrants", ListAsync).Requires(Read);
        graph.MapPost("/oauth2PermissionGrants", CreateAsync).Requires(Write);
        graph.MapGet("/oauth2PermissionGrants/{id}", GetAsync).Requires(Read);
        graph.MapPatch("/oauth2PermissionGrants/{id}", UpdateAsync).Requires(Write);
        graph.MapDelete("/oauth2PermissionGrants/{id}", DeleteAsync).Requires(Write);
    }

    private static Task<IResult> ListAsync(GraphRequest request, GatehouseDb db, CancellationToken cancellationToken) =>
        GraphQuery.ListAsync(request, db.OAuth2PermissionGrants.AsNoTracking().Where(g => g.TenantId == request.TenantId), Query, Shape,
            "oauth2PermissionGrants", defaultPageSize: 100, withType: false, cancellationToken);

    private static async Task<IResult> GetAsync(string id, GraphRequest request, PermissionGrants grants, CancellationToken cancellationToken)
    {
        var grant = await grants.FindAsync(request.TenantId, id, cancellationToken);
        return grant is null ? GraphErrors.NotFound(id) : GraphResponses.Entity(request, "oauth2PermissionGrants", Shape.Write(grant));
    }

    private static async Task<IResult> CreateAsync(
        GraphRequest request, PermissionGrants grants, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        if (await SignedInNonAdministratorAsync(request, managers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        if (!Guid.TryParse(body.Text("clientId"), out var clientId) || !Guid.TryParse(body.Text("resourceId"), out var resourceId))
        {
            return GraphErrors.BadRequest("clientId and resourceId must be the object ids of service principals.");
        }

        Guid? principalId = null;
        if (body.TryGetProperty("principalId", out var principal) && principal.ValueKind != JsonValueKind.Null)
        {
            if (!Guid.TryParse(body.Text("principalId"), out var user))
            {
                return GraphErrors.BadRequest("Invalid value specified for property 'principalId' of resource 'OAuth2PermissionGrant'.");
            }

            principalId = user;
        }

        var created = await grants.CreateAsync(
            request.TenantId, new NewPermissionGrant(clientId, body.Text("consentType") ?? "", principalId, resourceId, body.Text("scope") ?? ""), cancellationToken);
        return created.Succeeded
            ? GraphResponses.Entity(request, "oauth2PermissionGrants", Shape.Write(created.Value), status: StatusCodes.Status201Created)
            : created.Error.Kind == DirectoryObjects.DirectoryErrorKind.Conflict
                ? new GraphError(StatusCodes.Status409Conflict, "Request_MultipleObjectsWithSameKeyValue", created.Error.Message)
                : GraphErrors.Directory(created.Error);
    }

    private static async Task<IResult> UpdateAsync(
        string id, GraphRequest request, PermissionGrants grants, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var grant = await FindToChangeAsync(id, request, grants, managers, cancellationToken);
        if (!grant.Succeeded)
        {
            return grant.Error;
        }

        var read = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        // Only scope may change (oauth2permissiongrant-update); the SDK's @odata.type annotation changes nothing.
        if (body.EnumerateObject().Any(p => !p.Name.StartsWith('@') && p.Name != "scope") || body.Text("scope") is not { } scope)
        {
            return GraphErrors.BadRequest("Only the scope of a permission grant can be updated.");
        }

        var updated = await grants.SetScopeAsync(grant.Value, scope, cancellationToken);
        return updated.Succeeded ? Results.NoContent() : GraphErrors.Directory(updated.Error);
    }

    private static async Task<IResult> DeleteAsync(
        string id, GraphRequest request, PermissionGrants grants, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var grant = await FindToChangeAsync(id, request, grants, managers, cancellationToken);
        if (!grant.Succeeded)
        {
            return grant.Error;
        }

        await grants.DeleteAsync(grant.Value, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<Outcome<OAuth2PermissionGrant, GraphError>> FindToChangeAsync(
        string id, GraphRequest request, PermissionGrants grants, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        if (await SignedInNonAdministratorAsync(request, managers, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        var grant = await grants.FindAsync(request.TenantId, id, cancellationToken);
        return grant is null ? GraphErrors.NotFound(id) : grant;
    }

    /// <summary>A signed-in caller grants delegated permissions only as an application administrator (Entra's delegated model).</summary>
    private static async Task<bool> SignedInNonAdministratorAsync(GraphRequest request, ApplicationManagers managers, CancellationToken cancellationToken) =>
        request.Caller.UserId is { } user && !await managers.IsAdministratorAsync(request.TenantId, user, cancellationToken);
}
