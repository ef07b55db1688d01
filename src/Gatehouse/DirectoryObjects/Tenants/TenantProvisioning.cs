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

        var tenant = new Tenant
        {
            Id = id,
            DisplayName = displayName.Trim(),
            CreatedDateTime = clock.StoreNow(),
            Domains = [new TenantDomain { Name = domainName, TenantId = id, IsDefault = true, IsInitial = true }],
        };
        db.Tenants.Add(tenant);
        servicePrincipals.AddFirstPartyServicePrincipals(id);
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
