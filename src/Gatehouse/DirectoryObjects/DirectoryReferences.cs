using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects;

/// <summary>
/// The links other objects hold to a directory object. When the object is deleted Entra drops them with it: it leaves
/// every group and directory role it was in, stops owning groups and apps, and loses the app roles assigned to it and
/// the delegated consents given for it.
/// </summary>
internal sealed class DirectoryReferences(GatehouseDb db)
{
    /// <summary>Deletes the object (its own rows cascade) and every link to it, in one transaction.</summary>
    public async Task DeleteAsync(Guid tenantId, Guid objectId, object entity, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RemoveAllToAsync(tenantId, objectId, cancellationToken);
        db.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Drops every link to the object, in the caller's transaction.</summary>
    public async Task RemoveAllToAsync(Guid tenantId, Guid objectId, CancellationToken cancellationToken)
    {
        await db.GroupMembers.Where(m => m.MemberId == objectId).ExecuteDeleteAsync(cancellationToken);
        await db.GroupOwners.Where(o => o.OwnerId == objectId).ExecuteDeleteAsync(cancellationToken);
        await db.ApplicationOwners.Where(o => o.OwnerId == objectId).ExecuteDeleteAsync(cancellationToken);
        await db.DirectoryRoleMembers.Where(m => m.TenantId == tenantId && m.PrincipalId == objectId).ExecuteDeleteAsync(cancellationToken);
        await db.AppRoleAssignments.Where(a => a.TenantId == tenantId && a.PrincipalId == objectId).ExecuteDeleteAsync(cancellationToken);
        await db.OAuth2PermissionGrants.Where(g => g.TenantId == tenantId && g.PrincipalId == objectId).ExecuteDeleteAsync(cancellationToken);
    }
}
