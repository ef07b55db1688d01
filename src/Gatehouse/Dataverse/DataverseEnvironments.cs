using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse;

/// <summary>Each tenant's environment, read once per store change.</summary>
internal sealed class DataverseEnvironments(IServiceScopeFactory scopes, StoreChanges changes)
{
    private readonly SnapshotCache<Guid, DataverseEnvironment> cache = new(changes);

    public ValueTask<DataverseEnvironment?> FindAsync(Guid tenantId, CancellationToken cancellationToken) =>
        cache.GetAsync(tenantId, scopes, LoadAsync, cancellationToken);

    private static async Task<DataverseEnvironment?> LoadAsync(Guid tenantId, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var initialDomain = await db.TenantDomains.AsNoTracking()
            .Where(d => d.TenantId == tenantId && d.IsInitial).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return initialDomain is null ? null : DataverseEnvironment.For(tenantId, initialDomain);
    }
}
