using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse;

/// <summary>Each tenant's environment, read once per store change.</summary>
internal sealed class DataverseEnvironments(IServiceScopeFactory scopes, StoreChanges changes)
{
    // The cache's key for the default tenant, the first created; never a tenant's ID.
    private static readonly Guid DefaultTenant = Guid.Empty;

    private readonly SnapshotCache<Guid, DataverseEnvironment> cache = new(changes);

    public ValueTask<DataverseEnvironment?> FindAsync(Guid tenantId, CancellationToken cancellationToken) =>
        tenantId == DefaultTenant ? ValueTask.FromResult<DataverseEnvironment?>(null) : cache.GetAsync(tenantId, scopes, LoadAsync, cancellationToken);

    /// <summary>The default tenant's environment: the organisation a request that names no tenant is told to get a token for.</summary>
    public ValueTask<DataverseEnvironment?> FindDefaultAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(DefaultTenant, scopes, LoadAsync, cancellationToken);

    private static async Task<DataverseEnvironment?> LoadAsync(Guid key, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var tenantId = key != DefaultTenant
            ? key
            : await db.Tenants.AsNoTracking().OrderBy(t => t.CreatedDateTime).ThenBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        var initialDomain = await db.TenantDomains.AsNoTracking()
            .Where(d => d.TenantId == tenantId && d.IsInitial).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return initialDomain is null ? null : DataverseEnvironment.For(tenantId, initialDomain);
    }
}
