using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects;

/// <summary>Tells which kind of directory object an object ID names in a tenant.</summary>
internal sealed class DirectoryObjectTypes(GatehouseDb db)
{
    public async Task<DirectoryObjectType?> FindAsync(Guid tenantId, Guid objectId, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.TenantId == tenantId && u.Id == objectId, cancellationToken))
        {
            return DirectoryObjectType.User;
        }

        if (await db.Groups.AnyAsync(g => g.TenantId == tenantId && g.Id == objectId, cancellationToken))
        {
            return DirectoryObjectType.Group;
        }

        if (await db.ServicePrincipals.AnyAsync(sp => sp.TenantId == tenantId && sp.Id == objectId, cancellationToken))
        {
            return DirectoryObjectType.ServicePrincipal;
        }

        return await db.Devices.AnyAsync(d => d.TenantId == tenantId && d.Id == objectId, cancellationToken)
            ? DirectoryObjectType.Device
            : null;
    }
}
