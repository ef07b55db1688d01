using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>"Expose an API" and "App roles": the App ID URIs, token version, scopes and roles an app offers as a resource.</summary>
internal sealed class ExposedApi(GatehouseDb db)
{
    public async Task<Outcome<Application, DirectoryError>> SetIdentifierUrisAsync(Application application, IReadOnlyList<string> uris, CancellationToken cancellationToken)
    {
        foreach (var uri in uris)
        {
            if (IdentifierUriRules.Check(uri, application.AppId) is { } problem)
            {
                return DirectoryError.Invalid(problem);
            }
        }

        var wanted = uris.Distinct(StringComparer.Ordinal).ToList();
        var taken = await db.Applications
            .Where(a => a.Id != application.Id && a.IdentifierUris.Any(u => wanted.Contains(u)))
            .Select(a => a.DisplayName)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return DirectoryError.Conflict($"Another application ({taken}) already uses one of these Application ID URIs.");
        }

        application.IdentifierUris = wanted;
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>api.requestedAccessTokenVersion: null or 1 for v1.0 access tokens, 2 for v2.0.</summary>
    public async Task<Outcome<Application, DirectoryError>> SetAccessTokenVersionAsync(Application application, int? version, CancellationToken cancellationToken)
    {
        if (version is not (null or 1 or 2))
        {
            return DirectoryError.Invalid("The access token version must be 1 or 2.");
        }

        application.RequestedAccessTokenVersion = version;
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    public async Task<Outcome<AppRole, DirectoryError>> AddAppRoleAsync(Application application, NewAppRole request, CancellationToken cancellationToken)
    {
        if (PermissionValueRules.Check(request.Value) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        if (request.AllowedMemberTypes.Count == 0 || request.AllowedMemberTypes.Any(t => t is not ("Application" or "User")))
        {
            return DirectoryError.Invalid("Allowed member types are Application, User or both.");
        }

        if (Taken(application, request.Value) is { } taken)
        {
            return taken;
        }

        var role = new AppRole
        {
            Id = Guid.NewGuid(),
            Value = request.Value,
            DisplayName = request.DisplayName,
            Description = request.Description ?? request.DisplayName,
            AllowedMemberTypes = [.. request.AllowedMemberTypes],
        };

        // Owned JSON collections are saved as a whole: hand EF a fresh list so it rewrites the column.
        application.AppRoles = [.. application.AppRoles, role];
        await db.SaveChangesAsync(cancellationToken);
        return role;
    }

    /// <summary>"Add a scope": a delegated permission other apps can request on this API.</summary>
    public async Task<Outcome<PermissionScope, DirectoryError>> AddScopeAsync(Application application, NewScope request, CancellationToken cancellationToken)
    {
        if (PermissionValueRules.Check(request.Value) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        if (Taken(application, request.Value) is { } taken)
        {
            return taken;
        }

        var scope = new PermissionScope
        {
            Id = Guid.NewGuid(),
            Value = request.Value,
            Type = request.AdminConsentOnly ? PermissionScope.AdminConsent : PermissionScope.UserConsent,
            AdminConsentDisplayName = request.DisplayName,
            AdminConsentDescription = request.Description ?? request.DisplayName,
            UserConsentDisplayName = request.DisplayName,
            UserConsentDescription = request.Description ?? request.DisplayName,
        };
        application.Oauth2PermissionScopes = [.. application.Oauth2PermissionScopes, scope];
        await db.SaveChangesAsync(cancellationToken);
        return scope;
    }

    private static DirectoryError? Taken(Application application, string value) =>
        application.AppRoles.Any(r => r.Value == value) || application.Oauth2PermissionScopes.Any(s => s.Value == value)
            ? DirectoryError.Conflict($"The application already has a role or scope with the value '{value}'.")
            : null;
}

/// <summary>What "Add a scope" asks for.</summary>
internal sealed record NewScope(string Value, string DisplayName, bool AdminConsentOnly, string? Description = null);

/// <summary>What "Create app role" asks for.</summary>
internal sealed record NewAppRole(string Value, string DisplayName, IReadOnlyList<string> AllowedMemberTypes, string? Description = null);
