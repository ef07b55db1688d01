using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>Tenant-wide settings: the app management policy and who may register apps.</summary>
internal sealed class TenantPolicies(GatehouseDb db)
{
    public async Task<Outcome<Tenant, DirectoryError>> SetMaxSecretLifetimeAsync(Guid tenantId, int? days, CancellationToken cancellationToken)
    {
        if (days is <= 0)
        {
            return DirectoryError.Invalid("The maximum secret lifetime must be a positive number of days.");
        }

        var tenant = await db.Tenants.Include(t => t.Domains).FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return DirectoryError.NotFound($"Tenant {tenantId} was not found.");
        }

        tenant.MaxSecretLifetimeDays = days;
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
