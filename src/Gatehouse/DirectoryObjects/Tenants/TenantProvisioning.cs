using Gatehouse.Data;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>Creates tenants with their domains and the first-party service principals every tenant has.</summary>
internal sealed class TenantProvisioning(GatehouseDb db, TimeProvider clock, ServicePrincipalDirectory servicePrincipals)
{
    public async Task<Outcome<Tenant, DirectoryError>> CreateAsync(Guid id, string displayName, string domain, CancellationToken cancellationToken)
    {
        var domainName = domain.Trim().ToLowerInvariant();
        if (!DomainNames.IsValid(domainName))
        {
            return DirectoryError.Invalid($"'{domain}' is not a valid domain name.");
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return DirectoryError.Invalid("A tenant needs a name.");
        }

        if (await db.Tenants.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return DirectoryError.Conflict($"Tenant {id} already exists.");
        }

        if (await db.TenantDomains.AnyAsync(d => d.Name == domainName, cancellationToken))
        {
            return DirectoryError.Conflict($"The domain '{domainName}' already belongs to a tenant.");
        }

        // The default tenant is the one created first (TenantLookup): a clock moved back (`gatehouse clock`) must not
        // give a new tenant an earlier creation time than the tenants already there.
        var latest = await db.Tenants.MaxAsync(t => (DateTimeOffset?)t.CreatedDateTime, cancellationToken);
        var now = clock.StoreNow();
        var tenant = new Tenant
        {
            Id = id,
            DisplayName = displayName.Trim(),
            CreatedDateTime = latest is { } previous && previous >= now ? previous.AddTicks(10) : now,
            Domains = [new TenantDomain { Name = domainName, TenantId = id, IsDefault = true, IsInitial = true }],
        };
        db.Tenants.Add(tenant);
        servicePrincipals.AddFirstPartyServicePrincipals(id);
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
