using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>Finds tenants by ID or by any of their verified domains.</summary>
internal sealed class TenantLookup(GatehouseDb db)
{
    public async Task<Tenant?> FindAsync(string idOrDomain, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrDomain, out var id))
        {
            return await db.Tenants.Include(t => t.Domains).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        }

        var domain = idOrDomain.Trim().ToLowerInvariant();
        return await db.Tenants.Include(t => t.Domains)
            .FirstOrDefaultAsync(t => t.Domains.Any(d => d.Name == domain && d.IsVerified), cancellationToken);
    }

    /// <summary>Every tenant of the store, the default one (the first created) first.</summary>
    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().Include(t => t.Domains).OrderBy(t => t.CreatedDateTime).ThenBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>The tenant a command means: the one named, else the only or the first-created tenant.</summary>
    public async Task<Outcome<Tenant, DirectoryError>> ResolveAsync(string? idOrDomain, CancellationToken cancellationToken)
    {
        if (idOrDomain is not null)
        {
            return await FindAsync(idOrDomain, cancellationToken) is { } named
                ? named
                : DirectoryError.NotFound($"Tenant '{idOrDomain}' was not found.");
        }

        var first = await db.Tenants.Include(t => t.Domains).OrderBy(t => t.CreatedDateTime).FirstOrDefaultAsync(cancellationToken);
        return first is null ? DirectoryError.NotFound("The store holds no tenant yet.") : first;
    }
}
