using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>
/// "Grant admin consent for {tenant}": application permissions become app role assignments to the client's service
/// principal; delegated permissions become one AllPrincipals oauth2PermissionGrant per resource.
/// </summary>
internal sealed class AdminConsent(GatehouseDb db, TimeProvider clock, ApiPermissions permissions, ServicePrincipalDirectory servicePrincipals)
{
    public async Task<Outcome<IReadOnlyList<PermissionGrantStatus>, DirectoryError>> GrantAsync(Application application, Guid tenantId, CancellationToken cancellationToken)
    {
        var client = await servicePrincipals.EnsureForApplicationAsync(tenantId, application, cancellationToken);
        var requested = await permissions.ListAsync(application, cancellationToken);
        var now = clock.StoreNow();
        foreach (var byResource in requested.GroupBy(p => p.ResourceAppId))
        {
            var resource = await servicePrincipals.FindByAppIdAsync(tenantId, byResource.Key, cancellationToken);
            if (resource is null)
            {
                return DirectoryError.NotFound($"The API {byResource.First().ResourceDisplayName} has no service principal in this tenant.");
            }

            foreach (var role in byResource.Where(p => p.Type == PermissionKind.Application))
            {
                var assigned = await db.AppRoleAssignments.AnyAsync(
                    a => a.PrincipalId == client.Id && a.ResourceId == resource.Id && a.AppRoleId == role.PermissionId, cancellationToken);
                if (!assigned)
                {
                    db.AppRoleAssignments.Add(new AppRoleAssignment
                    {
                        Id = OpaqueId.New(),
                        TenantId = tenantId,
                        PrincipalId = client.Id,
                        PrincipalType = DirectoryObjectType.ServicePrincipal,
                        ResourceId = resource.Id,
                        AppRoleId = role.PermissionId,
                        CreatedDateTime = now,
                    });
                }
            }

            var scopes = byResource.Where(p => p.Type == PermissionKind.Delegated).Select(p => p.Value).ToList();
            if (scopes.Count > 0)
            {
                await AddTenantWideScopesAsync(tenantId, client.Id, resource.Id, scopes, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome(await StatusAsync(application, tenantId, cancellationToken));
    }

    /// <summary>
    /// "Consent on behalf of your organization" for delegated scopes of one resource: they join the tenant-wide
    /// (AllPrincipals) grant, and a multi-tenant client gets its service principal in the tenant. False when the
    /// resource has no service principal there.
    /// </summary>
    public async Task<bool> GrantScopesAsync(Guid tenantId, Application application, Guid resourceAppId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var client = await servicePrincipals.EnsureForApplicationAsync(tenantId, application, cancellationToken);
        var resource = await servicePrincipals.FindByAppIdAsync(tenantId, resourceAppId, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        await AddTenantWideScopesAsync(tenantId, client.Id, resource.Id, scopes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The delegated scopes granted to the client on the resource for everyone in the tenant.</summary>
    public async Task<IReadOnlySet<string>> TenantWideScopesAsync(Guid tenantId, Guid clientAppId, Guid resourceAppId, CancellationToken cancellationToken)
    {
        var client = await servicePrincipals.FindByAppIdAsync(tenantId, clientAppId, cancellationToken);
        var resource = await servicePrincipals.FindByAppIdAsync(tenantId, resourceAppId, cancellationToken);
        var grant = client is null || resource is null ? null : await FindTenantWideGrantAsync(client.Id, resource.Id, cancellationToken);
        return grant is null ? new HashSet<string>() : SplitScopes(grant.Scope).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>"Revoke admin consent": removes the tenant-wide grants of every permission the app requests.</summary>
    public async Task<Outcome<IReadOnlyList<PermissionGrantStatus>, DirectoryError>> RevokeAsync(Application application, Guid tenantId, CancellationToken cancellationToken)
    {
        var client = await servicePrincipals.FindByAppIdAsync(tenantId, application.AppId, cancellationToken);
        if (client is not null)
        {
            var requested = await permissions.ListAsync(application, cancellationToken);
            foreach (var byResource in requested.GroupBy(p => p.ResourceAppId))
            {
                var resource = await servicePrincipals.FindByAppIdAsync(tenantId, byResource.Key, cancellationToken);
                if (resource is null)
                {
                    continue;
                }

                var roleIds = byResource.Where(p => p.Type == PermissionKind.Application).Select(p => p.PermissionId).ToList();
                db.AppRoleAssignments.RemoveRange(await db.AppRoleAssignments
                    .Where(a => a.PrincipalId == client.Id && a.ResourceId == resource.Id && roleIds.Contains(a.AppRoleId))
                    .ToListAsync(cancellationToken));

                var scopes = byResource.Where(p => p.Type == PermissionKind.Delegated).Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
                var grant = await FindTenantWideGrantAsync(client.Id, resource.Id, cancellationToken);
                if (grant is not null)
                {
                    var remaining = SplitScopes(grant.Scope).Where(s => !scopes.Contains(s)).ToList();
                    if (remaining.Count == 0)
                    {
                        db.OAuth2PermissionGrants.Remove(grant);
                    }
                    else
                    {
                        grant.Scope = string.Join(' ', remaining);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome(await StatusAsync(application, tenantId, cancellationToken));
    }

    /// <summary>Each requested permission with whether it is granted for the whole tenant.</summary>
    public async Task<IReadOnlyList<PermissionGrantStatus>> StatusAsync(Application application, Guid tenantId, CancellationToken cancellationToken)
    {
        var requested = await permissions.ListAsync(application, cancellationToken);
        var client = await servicePrincipals.FindByAppIdAsync(tenantId, application.AppId, cancellationToken);
        if (client is null)
        {
            return [.. requested.Select(p => new PermissionGrantStatus(p, false))];
        }

        var resourcePrincipals = await db.ServicePrincipals.Where(sp => sp.TenantId == tenantId)
            .Select(sp => new { sp.Id, sp.AppId }).ToListAsync(cancellationToken);
        var assignments = await db.AppRoleAssignments.Where(a => a.PrincipalId == client.Id)
            .Select(a => new { a.ResourceId, a.AppRoleId }).ToListAsync(cancellationToken);
        var grants = await db.OAuth2PermissionGrants
            .Where(g => g.ClientId == client.Id && g.ConsentType == OAuth2PermissionGrant.AllPrincipals)
            .Select(g => new { g.ResourceId, g.Scope }).ToListAsync(cancellationToken);

        return [.. requested.Select(p =>
        {
            var resourceIds = resourcePrincipals.Where(sp => sp.AppId == p.ResourceAppId).Select(sp => sp.Id).ToHashSet();
            var granted = p.Type == PermissionKind.Application
                ? assignments.Any(a => resourceIds.Contains(a.ResourceId) && a.AppRoleId == p.PermissionId)
                : grants.Any(g => resourceIds.Contains(g.ResourceId) && SplitScopes(g.Scope).Contains(p.Value, StringComparer.Ordinal));
            return new PermissionGrantStatus(p, granted);
        })];
    }

    private async Task AddTenantWideScopesAsync(Guid tenantId, Guid clientId, Guid resourceId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var grant = await FindTenantWideGrantAsync(clientId, resourceId, cancellationToken);
        if (grant is null)
        {
            db.OAuth2PermissionGrants.Add(new OAuth2PermissionGrant
            {
                Id = OpaqueId.New(),
                TenantId = tenantId,
                ClientId = clientId,
                ConsentType = OAuth2PermissionGrant.AllPrincipals,
                ResourceId = resourceId,
                Scope = string.Join(' ', scopes),
            });
            return;
        }

        grant.Scope = string.Join(' ', SplitScopes(grant.Scope).Union(scopes, StringComparer.Ordinal));
    }

    private Task<OAuth2PermissionGrant?> FindTenantWideGrantAsync(Guid clientId, Guid resourceId, CancellationToken cancellationToken) =>
        db.OAuth2PermissionGrants.FirstOrDefaultAsync(
            g => g.ClientId == clientId && g.ResourceId == resourceId && g.ConsentType == OAuth2PermissionGrant.AllPrincipals, cancellationToken);

    private static string[] SplitScopes(string scope) => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Outcome<IReadOnlyList<PermissionGrantStatus>, DirectoryError> Outcome(IReadOnlyList<PermissionGrantStatus> status) =>
        Outcome<IReadOnlyList<PermissionGrantStatus>, DirectoryError>.From(status);
}
