using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

/// <summary>
/// What the store keeps for a tenant beside its directory: the codes, device codes and refresh tokens issued in it,
/// its Dataverse environment's tables (a system user's roles go with it) and its sign-in and audit logs.
/// </summary>
internal static class TenantOwnedRows
{
    /// <summary>Deletes them all, in the caller's transaction.</summary>
    public static async Task DeleteTenantOwnedRowsAsync(this GatehouseDb db, Guid tenantId, CancellationToken cancellationToken)
    {
        await db.AuthorizationCodes.Where(c => c.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DeviceAuthorizations.Where(d => d.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DataverseOpportunities.Where(r => r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DataverseLeads.Where(r => r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DataverseContacts.Where(r => r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DataverseAccounts.Where(r => r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DataverseSystemUserRoles
            .Where(r => db.DataverseSystemUsers.Any(u => u.Id == r.SystemUserId && u.TenantId == tenantId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.DataverseSystemUsers.Where(u => u.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.SignInLogs.Where(e => e.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.DirectoryAudits.Where(e => e.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
    }
}
