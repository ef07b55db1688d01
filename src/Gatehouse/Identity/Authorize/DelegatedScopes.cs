using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.Identity.Token;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Authorize;

/// <summary>
/// What a user flow asks of one resource, checked against the resource's catalogue and against what the user has
/// granted: shared by the authorize endpoint, the device code endpoint and the password grant, so that consent
/// means the same on each.
/// </summary>
internal sealed class DelegatedScopes(IServiceScopeFactory scopes, ResourceResolver resources)
{
    /// <summary>The client's registration, if it has a service principal in the tenant that is enabled.</summary>
    public async Task<Application?> FindClientAsync(Guid tenantId, Guid clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.Applications.AsNoTracking()
            .Where(a => a.AppId == clientId && db.ServicePrincipals.Any(sp => sp.TenantId == tenantId && sp.AppId == clientId && sp.AccountEnabled))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The registration of an app, in whichever tenant it lives.</summary>
    public async Task<Application?> FindApplicationAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.Applications.AsNoTracking().Where(a => a.AppId == clientId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the app may sign a user in to the tenant: its service principal there is enabled, or there is none yet
    /// and the app is multi-tenant, so consent will make one (signInAudience; learn.microsoft.com howto-convert-app-to-be-multi-tenant).
    /// Otherwise AADSTS700016, as Entra answers for an app it cannot find in the tenant.
    /// </summary>
    public async Task<(bool HasServicePrincipal, AadstsError? Error)> CheckSignInAsync(Guid tenantId, string tenantName, Application client, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var enabled = await db.ServicePrincipals.AsNoTracking()
            .Where(sp => sp.TenantId == tenantId && sp.AppId == client.AppId).Select(sp => (bool?)sp.AccountEnabled).FirstOrDefaultAsync(cancellationToken);
        return enabled switch
        {
            true => (true, null),
            null when client.SignInAudience != Application.SingleTenant => (false, null),
            _ => (false, Aadsts.ClientNotFound(client.AppId.ToString(), tenantName)),
        };
    }

    /// <summary>The resource the scopes name in the tenant, and the scope values of its catalogue they stand for.</summary>
    public async Task<(ScopeRequest? Request, AadstsError? Error)> ResolveAsync(
        Guid tenantId, Application client, RequestedScopes requested, CancellationToken cancellationToken)
    {
        var resource = await resources.FindAsync(tenantId, requested.Resource, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var catalogue = resource is null
            ? null
            : await scope.ServiceProvider.GetRequiredService<ApiResources>().FindByAppIdAsync(resource.AppId, cancellationToken);
        if (resource is null || catalogue is null)
        {
            return (null, Aadsts.ResourceNotFound(requested.Resource, tenantId));
        }

        var delegated = catalogue.DelegatedPermissions.ToList();
        if (requested.Default)
        {
            var ids = client.RequiredResourceAccess.Where(r => r.ResourceAppId == catalogue.AppId)
                .SelectMany(r => r.ResourceAccess).Where(a => a.Type == ResourceAccess.ScopeType).Select(a => a.Id).ToHashSet();
            return (new ScopeRequest(resource.AppId, [.. delegated.Where(s => ids.Contains(s.Id)).Select(s => s.Value)], requested.Oidc), null);
        }

        var values = new List<string>();
        foreach (var name in requested.Scopes)
        {
            var permission = delegated.FirstOrDefault(s => string.Equals(s.Value, name, StringComparison.OrdinalIgnoreCase));
            if (permission is null)
            {
                return (null, Aadsts.UnknownScope(name, requested.Resource));
            }

            values.Add(permission.Value);
        }

        return (new ScopeRequest(resource.AppId, values, requested.Oidc), null);
    }

    /// <summary>Scopes granted to the client on the resource for this user: for everyone (admin consent) or for them alone.</summary>
    public async Task<IReadOnlySet<string>> GrantedAsync(Guid tenantId, Guid clientId, Guid resourceAppId, Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserConsent>().GrantedScopesAsync(tenantId, clientId, resourceAppId, userId, cancellationToken);
    }
}

/// <summary>A user flow's request on one resource: the catalogue's scope values and the OpenID Connect scopes.</summary>
internal sealed record ScopeRequest(Guid ResourceAppId, IReadOnlyList<string> Scopes, IReadOnlyList<string> Oidc)
{
    public IReadOnlyList<string> Missing(IReadOnlySet<string> granted) => [.. Scopes.Where(s => !granted.Contains(s))];

    /// <summary>
    /// What the tokens will carry: Entra's delegated tokens hold every scope granted on the resource, not only those
    /// requested, then the OpenID Connect scopes asked for.
    /// </summary>
    public string TokenScope(IReadOnlySet<string> granted) => string.Join(' ', granted.Order(StringComparer.Ordinal).Concat(Oidc));
}
