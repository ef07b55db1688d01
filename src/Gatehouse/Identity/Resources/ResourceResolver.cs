using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.Identity.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Resources;

/// <summary>
/// Finds the resource a scope or resource parameter names (App ID URI or appId) among the first-party APIs and the
/// apps that have a service principal in the tenant. Gatehouse's own public URL names Microsoft Graph, which it
/// serves: the Azure CLI in a custom cloud asks tokens for its microsoftGraphResourceId (docs/protocol/azure-cli.md §3).
/// </summary>
internal sealed class ResourceResolver(IServiceScopeFactory scopes, StoreChanges changes, IssuerUrls urls)
{
    private readonly SnapshotCache<(Guid TenantId, string Identifier), ResourceSnapshot> cache = new(changes);

    public ValueTask<ResourceSnapshot?> FindAsync(Guid tenantId, string identifier, CancellationToken cancellationToken) =>
        string.Equals(identifier.TrimEnd('/'), urls.Base, StringComparison.OrdinalIgnoreCase)
            ? ValueTask.FromResult<ResourceSnapshot?>(new ResourceSnapshot(MicrosoftGraphApi.Api.AppId, MicrosoftGraphApi.Api.DisplayName, 1))
            : cache.GetAsync((tenantId, identifier), scopes, LoadAsync, cancellationToken);

    private static async Task<ResourceSnapshot?> LoadAsync((Guid TenantId, string Identifier) key, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var firstParty = FirstPartyApis.All.FirstOrDefault(api =>
            api.ServicePrincipalNames.Contains(key.Identifier, StringComparer.OrdinalIgnoreCase)
            || string.Equals(api.AppId.ToString(), key.Identifier, StringComparison.OrdinalIgnoreCase));
        if (firstParty is not null)
        {
            // Microsoft's first-party APIs (Graph, AAD Graph, Dynamics CRM) take v1.0 tokens.
            if (firstParty == DynamicsCrmApi.Api)
            {
                await using var crmScope = scopes.CreateAsyncScope();
                var initialDomain = await InitialDomainAsync(crmScope.ServiceProvider.GetRequiredService<GatehouseDb>(), key.TenantId, cancellationToken);
                return initialDomain is null ? null : Dynamics(initialDomain);
            }

            return new ResourceSnapshot(firstParty.AppId, firstParty.DisplayName, 1);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        if (DynamicsCrmApi.OrganizationName(key.Identifier) is { } organization)
        {
            // The tenant's Dataverse environment URL is the Dynamics CRM App ID URI in that tenant only.
            var initialDomain = await InitialDomainAsync(db, key.TenantId, cancellationToken);
            return initialDomain is not null && DynamicsCrmApi.OrganizationUrl(initialDomain) == $"https://{organization}.crm.dynamics.com"
                ? Dynamics(initialDomain)
                : null;
        }

        var appId = Guid.TryParse(key.Identifier, out var parsed) ? parsed : Guid.Empty;
        var withoutSlash = key.Identifier.TrimEnd('/');
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.AppId == appId || a.IdentifierUris.Contains(key.Identifier) || a.IdentifierUris.Contains(withoutSlash))
            .Where(a => db.ServicePrincipals.Any(sp => sp.TenantId == key.TenantId && sp.AppId == a.AppId))
            .Select(a => new { a.AppId, a.DisplayName, a.RequestedAccessTokenVersion, a.IdentifierUris })
            .FirstOrDefaultAsync(cancellationToken);
        return application is null
            ? null
            : new ResourceSnapshot(application.AppId, application.DisplayName, application.RequestedAccessTokenVersion == 2 ? 2 : 1, AppIdUri: application.IdentifierUris.FirstOrDefault());
    }

    // Delegated tokens for Dataverse name the environment URL as their audience, as Entra's do.
    private static ResourceSnapshot Dynamics(string initialDomain) =>
        new(DynamicsCrmApi.Api.AppId, DynamicsCrmApi.Api.DisplayName, 1, DynamicsCrmApi.OrganizationUrl(initialDomain));

    private static Task<string?> InitialDomainAsync(GatehouseDb db, Guid tenantId, CancellationToken cancellationToken) =>
        db.TenantDomains.AsNoTracking().Where(d => d.TenantId == tenantId && d.IsInitial).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
}
