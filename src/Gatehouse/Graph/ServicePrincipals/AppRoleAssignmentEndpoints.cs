using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Users;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.ServicePrincipals;

/// <summary>
/// App role assignments (docs/protocol/graph-dataverse.md §2.4): those a service principal or user holds
/// (…/appRoleAssignments) and those granted on a resource service principal (…/appRoleAssignedTo). Granting an
/// application permission to a client is admin consent of that one role: its next token carries it in roles.
/// </summary>
internal static class AppRoleAssignmentEndpoints
{
    private static readonly GraphOperation Read = new(
        [.. ServicePrincipalEndpoints.Read.Delegated, AppRoleAssignmentReadWriteAll],
        [.. ServicePrincipalEndpoints.Read.Application, AppRoleAssignmentReadWriteAll]);

    private static readonly GraphOperation Write = new([AppRoleAssignmentReadWriteAll], [AppRoleAssignmentReadWriteAll]);

    private static readonly GraphOperation UserRead = new(
        [UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, AppRoleAssignmentReadWriteAll],
        [UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll, AppRoleAssignmentReadWriteAll]);

    /// <summary>Under /servicePrincipals/{id} (or its appId form).</summary>
    public static void MapAppRoleAssignments(this RouteGroupBuilder servicePrincipal)
    {
        servicePrincipal.MapGet("/appRoleAssignments", (AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments, PrincipalNames names, CancellationToken cancellationToken) =>
            ListAsync(key, held: true, request, directory, assignments, names, cancellationToken)).Requires(Read);
        servicePrincipal.MapGet("/appRoleAssignedTo", (AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments, PrincipalNames names, CancellationToken cancellationToken) =>
            ListAsync(key, held: false, request, directory, assignments, names, cancellationToken)).Requires(Read);
        servicePrincipal.MapPost("/appRoleAssignments", (AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments, PrincipalNames names, ApplicationManagers managers, CancellationToken cancellationToken) =>
            GrantAsync(key, held: true, request, directory, assignments, names, managers, cancellationToken)).Requires(Write);
        servicePrincipal.MapPost("/appRoleAssignedTo", (AlternateKey key, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments, PrincipalNames names, ApplicationManagers managers, CancellationToken cancellationToken) =>
            GrantAsync(key, held: false, request, directory, assignments, names, managers, cancellationToken)).Requires(Write);
        servicePrincipal.MapDelete("/appRoleAssignments/{assignmentId}", RevokeAsync).Requires(Write);
        servicePrincipal.MapDelete("/appRoleAssignedTo/{assignmentId}", RevokeAsync).Requires(Write);
    }

    /// <summary>GET /users/{id}/appRoleAssignments: the app roles a user holds.</summary>
    public static void MapUserAppRoleAssignments(this RouteGroupBuilder graph) =>
        graph.MapGet("/users/{userId}/appRoleAssignments", ListForUserAsync).Requires(UserRead);

    private static async Task<IResult> ListAsync(
        AlternateKey key, bool held, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments, PrincipalNames names,
        CancellationToken cancellationToken)
    {
        var principal = await ServicePrincipalEndpoints.FindAsync(request, key, directory, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var principalId = principal.Value.Id;
        var list = await assignments.ListAsync(request.TenantId, principalId, held, cancellationToken);
        var views = await AppRoleAssignmentResource.ViewAsync(request.TenantId, list, names, cancellationToken);
        return GraphResponses.Collection(
            request, $"servicePrincipals('{principalId}')/{(held ? "appRoleAssignments" : "appRoleAssignedTo")}",
            views.Select(v => AppRoleAssignmentResource.Shape.Write(v)), count: null, skipToken: null);
    }

    private static async Task<IResult> ListForUserAsync(
        string userId, GraphRequest request, UserAccounts users, AppRoleAssignments assignments, PrincipalNames names, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(request.TenantId, userId, cancellationToken);
        if (user is null)
        {
            return GraphErrors.NotFound(userId);
        }

        var list = await assignments.ListAsync(request.TenantId, user.Id, held: true, cancellationToken);
        var views = await AppRoleAssignmentResource.ViewAsync(request.TenantId, list, names, cancellationToken);
        return GraphResponses.Collection(
            request, $"users('{user.Id}')/appRoleAssignments", views.Select(v => AppRoleAssignmentResource.Shape.Write(v)), count: null, skipToken: null);
    }

    /// <summary>
    /// The body names principalId, resourceId and appRoleId; the service principal in the route must be the principal
    /// (…/appRoleAssignments) or the resource (…/appRoleAssignedTo). A signed-in caller must also be an application administrator.
    /// </summary>
    private static async Task<IResult> GrantAsync(
        AlternateKey key, bool held, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments, PrincipalNames names,
        ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var principal = await FindToChangeAsync(request, key, directory, managers, cancellationToken);
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
        if (!Guid.TryParse(body.Text("principalId"), out var principalId))
        {
            return InvalidProperty("principalId");
        }

        if (!Guid.TryParse(body.Text("resourceId"), out var resourceId))
        {
            return InvalidProperty("resourceId");
        }

        if (!Guid.TryParse(body.Text("appRoleId"), out var appRoleId))
        {
            return InvalidProperty("appRoleId");
        }

        if ((held ? principalId : resourceId) != principal.Value.Id)
        {
            return GraphErrors.BadRequest($"The {(held ? "principalId" : "resourceId")} must be the service principal the request names.");
        }

        var granted = await assignments.GrantAsync(request.TenantId, principalId, resourceId, appRoleId, cancellationToken);
        if (!granted.Succeeded)
        {
            return GraphErrors.Directory(granted.Error);
        }

        var view = (await AppRoleAssignmentResource.ViewAsync(request.TenantId, [granted.Value], names, cancellationToken))[0];
        return GraphResponses.Entity(
            request, $"servicePrincipals('{principal.Value.Id}')/{(held ? "appRoleAssignments" : "appRoleAssignedTo")}",
            AppRoleAssignmentResource.Shape.Write(view), status: StatusCodes.Status201Created);
    }

    private static GraphError InvalidProperty(string name) =>
        GraphErrors.BadRequest($"Invalid value specified for property '{name}' of resource 'AppRoleAssignment'.");

    /// <summary>The service principal the route names; a signed-in caller must be an application administrator.</summary>
    private static async Task<Outcome<ServicePrincipal, GraphError>> FindToChangeAsync(
        GraphRequest request, AlternateKey key, ServicePrincipalDirectory directory, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is { } signedIn && !await managers.IsAdministratorAsync(request.TenantId, signedIn, cancellationToken))
        {
            return GraphErrors.AccessDenied();
        }

        return await ServicePrincipalEndpoints.FindAsync(request, key, directory, cancellationToken);
    }

    private static async Task<IResult> RevokeAsync(
        AlternateKey key, string assignmentId, GraphRequest request, ServicePrincipalDirectory directory, AppRoleAssignments assignments,
        ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var principal = await FindToChangeAsync(request, key, directory, managers, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var revoked = await assignments.RevokeAsync(request.TenantId, principal.Value.Id, assignmentId, cancellationToken);
        return revoked.Succeeded ? Results.NoContent() : GraphErrors.Directory(revoked.Error);
    }
}
