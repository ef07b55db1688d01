using Gatehouse.Data;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Tables;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse.Users;

/// <summary>
/// Finds the system user a token acts as: a signed-in user's own (made on their first call, holding System
/// Administrator if they are a Global Administrator and Salesperson otherwise), or an app's application user.
/// </summary>
internal sealed class CallerResolver(GatehouseDb db, DirectoryRoleAssignments directoryRoles, TimeProvider clock)
{
    public async Task<SystemUser?> FindUserAsync(Guid tenantId, Guid objectId, CancellationToken cancellationToken)
    {
        var existing = await WithRoles().FirstOrDefaultAsync(u => u.TenantId == tenantId && u.AzureActiveDirectoryObjectId == objectId && u.ApplicationId == null, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var person = await db.Users.AsNoTracking()
            .FirstOrDefaultAsync(u => u.TenantId == tenantId && u.Id == objectId && u.AccountEnabled, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var isAdministrator = await directoryRoles.HoldsAnyAsync(tenantId, person.Id, [DirectoryRoleTemplate.GlobalAdministrator], cancellationToken);
        var id = Guid.NewGuid();
        var user = new SystemUser
        {
            Id = id,
            TenantId = tenantId,
            OwnerId = id,
            CreatedBy = id,
            ModifiedBy = id,
            FullName = person.DisplayName,
            DomainName = person.UserPrincipalName,
            InternalEmailAddress = person.Mail ?? person.UserPrincipalName,
            AzureActiveDirectoryObjectId = person.Id,
            AccessMode = SystemUser.ReadWriteAccess,
            Roles = [new SystemUserRole { SystemUserId = id, RoleId = (isAdministrator ? SecurityRole.SystemAdministrator : SecurityRole.Salesperson).Id }],
        };
        RecordStamps.Created(user, clock);
        db.DataverseSystemUsers.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }
        catch (DbUpdateException)
        {
            // Two first calls at once: the other made the system user.
            db.ChangeTracker.Clear();
            return await WithRoles().FirstOrDefaultAsync(u => u.TenantId == tenantId && u.AzureActiveDirectoryObjectId == objectId && u.ApplicationId == null, cancellationToken);
        }
    }

    public Task<SystemUser?> FindApplicationUserAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        WithRoles().FirstOrDefaultAsync(u => u.TenantId == tenantId && u.ApplicationId == appId, cancellationToken);

    private IQueryable<SystemUser> WithRoles() => db.DataverseSystemUsers.AsNoTracking().Include(u => u.Roles);
}
