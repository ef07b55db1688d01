using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Resources;

/// <summary>
/// What a user flow asks of one resource, checked against the resource's catalogue and against what the user has
/// granted: shared by the authorize endpoint, the device code endpoint and the password grant, so that consent
/// means the same on each.
/// </summary>
internal sealed class DelegatedScopes(IServiceScopeFactory scopes, ResourceResolver resources)
{
    /// <summary>The resource the scopes name in the tenant, and the scope values of its catalogue they stand for.</summary>
    public async Task<Outcome<ScopeRequest, AadstsError>> ResolveAsync(
        Guid tenantId, Application client, RequestedScopes requested, CancellationToken cancellationToken)
    {
        var resource = await resources.FindAsync(tenantId, requested.Resource, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var catalogue = resource is null
            ? null
            : await scope.ServiceProvider.GetRequiredService<ApiResources>().FindByAppIdAsync(resource.AppId, cancellationToken);
        if (resource is null || catalogue is null)
        {
            return Aadsts.ResourceNotFound(requested.Resource, tenantId);
        }

        var delegated = catalogue.DelegatedPermissions.ToList();
        if (requested.Default)
        {
            var ids = client.RequiredResourceAccess.Where(r => r.ResourceAppId == catalogue.AppId)
                .SelectMany(r => r.ResourceAccess).Where(a => a.Type == ResourceAccess.ScopeType).Select(a => a.Id).ToHashSet();
            return new ScopeRequest(resource.AppId, [.. delegated.Where(s => ids.Contains(s.Id)).Select(s => s.Value)], requested.Oidc);
        }

        var values = new List<string>();
        foreach (var name in requested.Scopes)
        {
            var permission = delegated.FirstOrDefault(s => string.Equals(s.Value, name, StringComparison.OrdinalIgnoreCase));
            if (permission is null)
            {
                return Aadsts.UnknownScope(name, requested.Resource);
            }

            values.Add(permission.Value);
        }

        return new ScopeRequest(resource.AppId, values, requested.Oidc);
    }

    /// <summary>Scopes granted to the client on the resource for this user: for everyone (admin consent) or for them alone.</summary>
    public async Task<IReadOnlySet<string>> GrantedAsync(Guid tenantId, Guid clientId, Guid resourceAppId, Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserConsent>().GrantedScopesAsync(tenantId, clientId, resourceAppId, userId, cancellationToken);
    }
}
