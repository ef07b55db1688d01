using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.ResourceServer;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Applications;

/// <summary>
/// Which apps a caller reaches (docs/protocol/graph-dataverse.md §2.3): Application.ReadWrite.OwnedBy alone reaches only
/// the apps whose owners include the calling service principal; a signed-in user changes an app only as one of its
/// owners or an application administrator, whatever the token's scopes (Entra's delegated model).
/// </summary>
internal static class ApplicationAccess
{
    private static readonly string[] ReadAllRoles = [ApplicationReadAll, ApplicationReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll];

    /// <summary>An app-only caller that reaches only the apps it owns.</summary>
    public static bool OwnedOnly(Caller caller) => !caller.IsDelegated && !ReadAllRoles.Any(caller.Roles.Contains);

    /// <summary>The app the route names, if the caller may see it (an app it may not see is not found, as in Graph).</summary>
    public static async Task<Outcome<Application, GraphError>> FindAsync(
        GraphRequest request, AlternateKey key, ApplicationRegistrations applications, CancellationToken cancellationToken)
    {
        var parsed = key.Parse();
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var id = parsed.Value;
        var found = await applications.FindAsync(request.TenantId, id.ToString(), cancellationToken);
        if (!found.Succeeded || (key.IsAppId ? found.Value.AppId : found.Value.Id) != id
            || (OwnedOnly(request.Caller) && !found.Value.Owners.Any(o => o.OwnerId == request.Caller.ObjectId)))
        {
            return GraphErrors.NotFound(key.Value);
        }

        return found.Value;
    }

    /// <summary>Null when the caller may change the app; otherwise Graph's 403.</summary>
    public static async Task<GraphError?> MayChangeAsync(GraphRequest request, Application application, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var allowed = caller.IsDelegated
            ? await managers.MayManageAsync(application, caller.ObjectId, cancellationToken)
            : caller.Roles.Contains(ApplicationReadWriteAll) || application.Owners.Any(o => o.OwnerId == caller.ObjectId);
        return allowed ? null : GraphErrors.AccessDenied();
    }

    /// <summary>Find, then check the caller may change it.</summary>
    public static async Task<Outcome<Application, GraphError>> FindToChangeAsync(
        GraphRequest request, AlternateKey key, ApplicationRegistrations applications, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request, key, applications, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        return await MayChangeAsync(request, found.Value, managers, cancellationToken) is { } refusal ? refusal : found;
    }
}
