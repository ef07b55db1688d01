using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Permissions;

/// <summary>Finds the APIs a tenant's apps can request permissions on.</summary>
internal sealed class ApiResources(GatehouseDb db)
{
    public static ApiResource From(FirstPartyApi api) => new(
        api.AppId,
        api.PortalName ?? api.DisplayName,
        [api.DisplayName, .. api.ServicePrincipalNames],
        api.AppRoles,
        api.Oauth2PermissionScopes);

    public static ApiResource From(Application application) => new(
        application.AppId,
        application.DisplayName,
        application.IdentifierUris,
        application.AppRoles,
        application.Oauth2PermissionScopes);

    /// <summary>By display name, App ID URI or appId: first-party APIs, then apps of this tenant or with a service principal in it.</summary>
    public async Task<Outcome<ApiResource, DirectoryError>> FindAsync(Guid tenantId, string reference, CancellationToken cancellationToken)
    {
        var trimmed = reference.Trim();
        if (FirstPartyApis.All.Select(From).FirstOrDefault(api => api.IsNamed(trimmed)) is { } firstParty)
        {
            return firstParty;
        }

        var appId = Guid.TryParse(trimmed, out var parsed) ? parsed : Guid.Empty;
        var matches = await TenantVisibleApplications(tenantId)
            .Where(a => a.DisplayName == trimmed || a.AppId == appId || a.IdentifierUris.Contains(trimmed))
            .Take(2)
            .ToListAsync(cancellationToken);
        return matches.Count switch
        {
            1 => From(matches[0]),
            0 => DirectoryError.NotFound($"No API named '{reference}' is known in this tenant (try \"Microsoft Graph\", an App ID URI or an appId)."),
            _ => DirectoryError.Conflict($"More than one API is named '{reference}'; use its appId."),
        };
    }

    public async Task<ApiResource?> FindByAppIdAsync(Guid appId, CancellationToken cancellationToken)
    {
        if (FirstPartyApis.FindByAppId(appId) is { } firstParty)
        {
            return From(firstParty);
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.AppId == appId, cancellationToken);
        return application is null ? null : From(application);
    }

    /// <summary>The first-party APIs every tenant has.</summary>
    public static IEnumerable<ApiResource> MicrosoftApis => FirstPartyApis.All.Select(From);

    /// <summary>
    /// "APIs my organization uses": the apps of this tenant, or with a service principal in it, that expose scopes or
    /// application roles.
    /// </summary>
    public async Task<IReadOnlyList<ApiResource>> ListTenantApisAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var applications = await TenantVisibleApplications(tenantId).AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return [.. applications.Where(a => a.Oauth2PermissionScopes.Count > 0 || a.AppRoles.Count > 0).Select(From)];
    }

    private IQueryable<Application> TenantVisibleApplications(Guid tenantId)
    {
        var appIdsWithPrincipal = db.ServicePrincipals.Where(sp => sp.TenantId == tenantId).Select(sp => sp.AppId);
        return db.Applications.Where(a => a.TenantId == tenantId || appIdsWithPrincipal.Contains(a.AppId));
    }
}
