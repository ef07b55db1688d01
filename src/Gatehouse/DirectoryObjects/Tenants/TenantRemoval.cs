using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>
/// Deletes a tenant with everything in its directory: users (with their calendars), groups, devices, apps, service
/// principals, role members, consent; and what the store keeps for it beside (<see cref="TenantOwnedRows"/>): codes and
/// tokens issued in it, its Dataverse tables, its logs. Hub accounts are the hub's, not a tenant's, and stay. Never the store's last tenant, nor the default one (the first created), which
/// management verbs act on when no --tenant is given.
/// </summary>
internal sealed class TenantRemoval(GatehouseDb db, TenantLookup lookup)
{
    public async Task<Outcome<Tenant, DirectoryError>> DeleteAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var defaultTenant = await lookup.ResolveAsync(null, cancellationToken);
        if (defaultTenant.Succeeded && defaultTenant.Value.Id == tenant.Id)
        {
            return DirectoryError.Invalid($"Tenant {tenant.Id} is the default tenant (the first created), which is never deleted.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Devices.Where(d => d.TenantId == tenant.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DeleteTenantOwnedRowsAsync(tenant.Id, cancellationToken);
            await RemoveDirectoryAsync(tenant.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return tenant;
    }

    /// <summary>
    /// Deletes the tenant's row and what a tenant document describes: consent, service principals, apps, role members,
    /// groups and users (their calendars with them). In the caller's transaction.
    /// </summary>
    public async Task RemoveDirectoryAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await db.OAuth2PermissionGrants.Where(g => g.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.AppRoleAssignments.Where(a => a.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.ServicePrincipals.IgnoreQueryFilters().Where(sp => sp.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Applications.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DirectoryRoleMembers.Where(m => m.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Groups.Where(g => g.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
    }
}
