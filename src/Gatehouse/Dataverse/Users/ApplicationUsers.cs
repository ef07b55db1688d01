using Gatehouse.Data;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Tables;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse.Users;

/// <summary>
/// Application users: the system users through which an app's app-only tokens act in the environment
/// (docs/protocol/graph-dataverse.md §6). Without one, Dataverse refuses the app's tokens.
/// </summary>
internal sealed class ApplicationUsers(GatehouseDb db, ApplicationRegistrations applications, ServicePrincipalDirectory servicePrincipals, TimeProvider clock)
{
    /// <summary>Makes the app an application user holding the role, or gives an existing one the role.</summary>
    public async Task<Outcome<SystemUser, DirectoryError>> AddAsync(Guid tenantId, string appReference, string roleName, CancellationToken cancellationToken)
    {
        if (SecurityRole.Find(roleName) is not { } role)
        {
            return DirectoryError.Invalid($"'{roleName}' is not a security role; use one of: {string.Join(", ", SecurityRole.All.Select(r => r.Name))}.");
        }

        var found = await applications.FindAsync(tenantId, appReference, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var application = found.Value;
        var user = await db.DataverseSystemUsers.Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.TenantId == tenantId && u.ApplicationId == application.AppId, cancellationToken);
        if (user is null)
        {
            var servicePrincipal = await servicePrincipals.EnsureForApplicationAsync(tenantId, application, cancellationToken);
            var id = Guid.NewGuid();
            user = new SystemUser
            {
                Id = id,
                TenantId = tenantId,
                OwnerId = id,
                CreatedBy = id,
                ModifiedBy = id,
                FullName = application.DisplayName,
                DomainName = $"{application.AppId}@app",
                ApplicationId = application.AppId,
                AzureActiveDirectoryObjectId = servicePrincipal.Id,
                AccessMode = SystemUser.NonInteractiveAccess,
            };
            RecordStamps.Created(user, clock);
            db.DataverseSystemUsers.Add(user);
        }

        if (user.Roles.All(r => r.RoleId != role.Id))
        {
            user.Roles.Add(new SystemUserRole { SystemUserId = user.Id, RoleId = role.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>The app's application user in the environment, with its roles, if it has one.</summary>
    public Task<SystemUser?> FindAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        db.DataverseSystemUsers.AsNoTracking().Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.TenantId == tenantId && u.ApplicationId == appId, cancellationToken);
}
