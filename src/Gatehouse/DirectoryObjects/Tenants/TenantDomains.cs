using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>
/// A tenant's domain names. A new domain is unverified until verified, as in Entra; only verified domains name the
/// tenant at the token service and carry user principal names.
/// </summary>
internal sealed class TenantDomains(GatehouseDb db)
{
    public Task<List<TenantDomain>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.TenantDomains.AsNoTracking().Where(d => d.TenantId == tenantId).OrderBy(d => d.Name).ToListAsync(cancellationToken);

    public Task<TenantDomain?> FindAsync(Guid tenantId, string name, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToLowerInvariant();
        return db.TenantDomains.FirstOrDefaultAsync(d => d.TenantId == tenantId && d.Name == normalized, cancellationToken);
    }

    public async Task<Outcome<TenantDomain, DirectoryError>> AddAsync(Guid tenantId, string name, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToLowerInvariant();
        if (!DomainNames.IsValid(normalized))
        {
            return DirectoryError.Invalid($"'{name}' is not a valid domain name.");
        }

        if (await db.TenantDomains.AnyAsync(d => d.Name == normalized, cancellationToken))
        {
            return DirectoryError.Conflict("Another object with the same value for property id already exists.");
        }

        var domain = new TenantDomain { Name = normalized, TenantId = tenantId, IsVerified = false };
        db.TenantDomains.Add(domain);
        await db.SaveChangesAsync(cancellationToken);
        return domain;
    }

    /// <summary>Marks the domain verified. Gatehouse does not look up the DNS record Entra would.</summary>
    public async Task<Outcome<TenantDomain, DirectoryError>> VerifyAsync(Guid tenantId, string name, CancellationToken cancellationToken)
    {
        var domain = await FindAsync(tenantId, name, cancellationToken);
        if (domain is null)
        {
            return DirectoryError.NotFound($"Domain '{name}' was not found.");
        }

        domain.IsVerified = true;
        await db.SaveChangesAsync(cancellationToken);
        return domain;
    }

    /// <summary>Removes a domain no user names; the initial and the default domain stay.</summary>
    public async Task<Outcome<TenantDomain, DirectoryError>> RemoveAsync(Guid tenantId, string name, CancellationToken cancellationToken)
    {
        var domain = await FindAsync(tenantId, name, cancellationToken);
        if (domain is null)
        {
            return DirectoryError.NotFound($"Domain '{name}' was not found.");
        }

        if (domain.IsInitial || domain.IsDefault)
        {
            return DirectoryError.Invalid($"The {(domain.IsInitial ? "initial" : "default")} domain of a tenant cannot be deleted.");
        }

        var suffix = "@" + domain.Name.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.TenantId == tenantId && u.NormalizedUserPrincipalName.EndsWith(suffix), cancellationToken))
        {
            return DirectoryError.Invalid($"Domain '{domain.Name}' is still used by users' principal names.");
        }

        db.TenantDomains.Remove(domain);
        await db.SaveChangesAsync(cancellationToken);
        return domain;
    }
}
