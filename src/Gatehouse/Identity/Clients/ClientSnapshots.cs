using System.Security.Cryptography.X509Certificates;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.Identity.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Clients;

/// <summary>Loads and caches <see cref="ClientSnapshot"/>s per (tenant, client).</summary>
internal sealed class ClientSnapshots(IServiceScopeFactory scopes, StoreChanges changes)
{
    private readonly SnapshotCache<(Guid TenantId, Guid AppId), ClientSnapshot> cache = new(changes);

    /// <summary>The client as seen from a tenant: its home tenant, or one where it has a service principal. Null when unknown or disabled there.</summary>
    public async ValueTask<ClientSnapshot?> FindAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        Enabled(await FindEvenDisabledAsync(tenantId, appId, cancellationToken));

    /// <summary>The same, with a disabled service principal too, so that its refusal can say so.</summary>
    public ValueTask<ClientSnapshot?> FindEvenDisabledAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        cache.GetAsync((tenantId, appId), scopes, LoadAsync, cancellationToken);

    /// <summary>The client read from the store now, for a credential its kept snapshot may be too old to know.</summary>
    public async ValueTask<ClientSnapshot?> ReloadAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        Enabled(await cache.ReloadAsync((tenantId, appId), scopes, LoadAsync, cancellationToken));

    private static ClientSnapshot? Enabled(ClientSnapshot? client) => client is { AccountEnabled: true } ? client : null;

    private static async Task<ClientSnapshot?> LoadAsync((Guid TenantId, Guid AppId) key, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        // A first-party client has no registration here and no credential (docs/protocol/azure-cli.md §4).
        var application = await db.Applications.AsNoTracking()
            .Include(a => a.PasswordCredentials).Include(a => a.KeyCredentials)
            .FirstOrDefaultAsync(a => a.AppId == key.AppId, cancellationToken)
            ?? FirstPartyClients.FindByAppId(key.AppId)?.ToApplication();
        var servicePrincipal = await db.ServicePrincipals.AsNoTracking()
            .FirstOrDefaultAsync(sp => sp.TenantId == key.TenantId && sp.AppId == key.AppId, cancellationToken);
        // A managed identity is a service principal with no app registration and no credential of its own.
        if (servicePrincipal is null
            || (application is null && servicePrincipal.ServicePrincipalType != ManagedIdentityDirectory.ServicePrincipalType))
        {
            return null;
        }

        var assignments = await (
            from assignment in db.AppRoleAssignments
            join resource in db.ServicePrincipals on assignment.ResourceId equals resource.Id
            where assignment.PrincipalId == servicePrincipal.Id
            select new { resource.AppId, assignment.AppRoleId }).ToListAsync(cancellationToken);

        var resources = scope.ServiceProvider.GetRequiredService<ApiResources>();
        var roles = new Dictionary<Guid, string[]>();
        foreach (var byResource in assignments.GroupBy(a => a.AppId))
        {
            var definition = await resources.FindByAppIdAsync(byResource.Key, cancellationToken);
            var ids = byResource.Select(a => a.AppRoleId).ToHashSet();
            roles[byResource.Key] = definition?.AppRoles.Where(r => r.IsEnabled && ids.Contains(r.Id)).Select(r => r.Value).Order(StringComparer.Ordinal).ToArray() ?? [];
        }

        return new ClientSnapshot(
            servicePrincipal.AppId,
            application?.DisplayName ?? servicePrincipal.DisplayName,
            key.TenantId,
            servicePrincipal.Id,
            [.. application?.PasswordCredentials.Select(c => new SecretVerifier(c.KeyId, c.Hint, c.SecretSalt, c.SecretHash, c.StartDateTime, c.EndDateTime)) ?? []],
            [.. application?.KeyCredentials.Select(ToVerifier).OfType<CertificateVerifier>() ?? []],
            roles,
            application?.IsFallbackPublicClient ?? false,
            servicePrincipal.AccountEnabled);
    }

    // Client assertions are RS256 or PS256 (docs/protocol/entra-protocol.md §3.2): a certificate without an RSA key cannot sign one.
    private static CertificateVerifier? ToVerifier(KeyCredential credential)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(credential.Key);
        return certificate.GetRSAPublicKey() is { } publicKey
            ? new CertificateVerifier(credential.KeyId, Thumbprints.X5t(credential.Key), Thumbprints.X5tS256(credential.Key),
                publicKey, credential.StartDateTime, credential.EndDateTime)
            : null;
    }
}
