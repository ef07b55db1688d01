using System.Text.RegularExpressions;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Protocol;

/// <summary>Resolves the {tenant} segment against the directory, from a snapshot of all tenants and their domains.</summary>
internal sealed partial class TenantResolver(IServiceScopeFactory scopes, StoreChanges changes)
{
    private readonly SnapshotCache<string, TenantTable> cache = new(changes);

    public async Task<Outcome<TenantRoute, AadstsError>> ResolveAsync(string segment, bool discovery, CancellationToken cancellationToken)
    {
        if (TenantRoute.IsAlias(segment))
        {
            return new TenantRoute(segment.ToLowerInvariant(), null, null);
        }

        if (!Guid.TryParse(segment, out _) && !DomainShape().IsMatch(segment))
        {
            return Aadsts.InvalidTenantFormat(segment);
        }

        var table = await cache.GetAsync("all", scopes, LoadAsync, cancellationToken);
        var tenant = Guid.TryParse(segment, out var id)
            ? table?.ById.GetValueOrDefault(id)
            : table?.ByDomain.GetValueOrDefault(segment.ToLowerInvariant());
        if (tenant is null)
        {
            return discovery ? Aadsts.TenantNotFoundInDiscovery(segment) : Aadsts.TenantNotFound(segment);
        }

        return new TenantRoute(segment, tenant.Id, tenant.Name);
    }

    private static async Task<TenantTable?> LoadAsync(string key, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var tenants = await db.Tenants.AsNoTracking().Select(t => new TenantEntry(t.Id, t.DisplayName)).ToListAsync(cancellationToken);
        var domains = await db.TenantDomains.AsNoTracking().Select(d => new { d.Name, d.TenantId }).ToListAsync(cancellationToken);
        var byId = tenants.ToDictionary(t => t.Id);
        return new TenantTable(byId, domains.Where(d => byId.ContainsKey(d.TenantId)).ToDictionary(d => d.Name, d => byId[d.TenantId]));
    }

    [GeneratedRegex("^[A-Za-z0-9.-]{1,253}$")]
    private static partial Regex DomainShape();

    private sealed record TenantEntry(Guid Id, string Name);

    private sealed record TenantTable(Dictionary<Guid, TenantEntry> ById, Dictionary<string, TenantEntry> ByDomain);
}
