using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>
/// A user's own consent: the delegated scopes a client may use on a resource for one user, stored as a Principal
/// oauth2PermissionGrant beside the tenant-wide (AllPrincipals) one admin consent makes.
/// </summary>
internal sealed class UserConsent(GatehouseDb db, ServicePrincipalDirectory servicePrincipals)
{
    /// <summary>
    /// Scopes granted to the client on the resource for this user: for everyone, or for them alone. A first-party
    /// client's pre-authorized scopes count as granted for everyone (docs/protocol/azure-cli.md §4).
    /// </summary>
    public async Task<IReadOnlySet<string>> GrantedScopesAsync(Guid tenantId, Guid clientAppId, Guid resourceAppId, Guid userId, CancellationToken cancellationToken)
    {
        var (client, resource) = await PrincipalsAsync(tenantId, clientAppId, resourceAppId, cancellationToken);
        if (client is null || resource is null)
        {
            return new HashSet<string>();
        }

        var preAuthorized = FirstPartyClients.FindByAppId(clientAppId)?.ScopesOn(resourceAppId) ?? [];

        var grants = await db.OAuth2PermissionGrants.AsNoTracking()
            .Where(g => g.ClientId == client && g.ResourceId == resource
                && (g.ConsentType == OAuth2PermissionGrant.AllPrincipals || (g.ConsentType == OAuth2PermissionGrant.Principal && g.PrincipalId == userId)))
            .Select(g => g.Scope)
            .ToListAsync(cancellationToken);
        return grants.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Concat(preAuthorized).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// A user's consent on the consent page: a multi-tenant client gets its service principal in the user's tenant, as
    /// Entra's consent makes it, and the scopes join the user's Principal grant (made when missing) if the resource has
    /// a service principal there.
    /// </summary>
    public async Task GrantAsync(
        Guid tenantId, Application client, Guid resourceAppId, Guid userId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var clientPrincipal = await servicePrincipals.EnsureForApplicationAsync(tenantId, client, cancellationToken);
        var resourcePrincipal = await servicePrincipals.FindByAppIdAsync(tenantId, resourceAppId, cancellationToken);
        if (scopes.Count > 0 && resourcePrincipal is not null)
        {
            var grant = await db.OAuth2PermissionGrants.FirstOrDefaultAsync(
                g => g.ClientId == clientPrincipal.Id && g.ResourceId == resourcePrincipal.Id && g.ConsentType == OAuth2PermissionGrant.Principal && g.PrincipalId == userId,
                cancellationToken);
            if (grant is null)
            {
                db.OAuth2PermissionGrants.Add(new OAuth2PermissionGrant
                {
                    Id = OpaqueId.New(),
                    TenantId = tenantId,
                    ClientId = clientPrincipal.Id,
                    ConsentType = OAuth2PermissionGrant.Principal,
                    PrincipalId = userId,
                    ResourceId = resourcePrincipal.Id,
                    Scope = string.Join(' ', scopes),
                });
            }
            else
            {
                grant.Scope = string.Join(' ', grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Union(scopes, StringComparer.Ordinal));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(Guid? Client, Guid? Resource)> PrincipalsAsync(Guid tenantId, Guid clientAppId, Guid resourceAppId, CancellationToken cancellationToken)
    {
        var principals = await db.ServicePrincipals.AsNoTracking()
            .Where(sp => sp.TenantId == tenantId && (sp.AppId == clientAppId || sp.AppId == resourceAppId))
            .Select(sp => new { sp.Id, sp.AppId })
            .ToListAsync(cancellationToken);
        return (principals.FirstOrDefault(p => p.AppId == clientAppId)?.Id, principals.FirstOrDefault(p => p.AppId == resourceAppId)?.Id);
    }
}
