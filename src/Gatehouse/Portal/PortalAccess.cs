using System.Security.Claims;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Roles;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal;

/// <summary>
/// Who may do what, as Entra: Global, Application and Cloud Application Administrators see and manage every app
/// registration and may grant admin consent; any user may register apps (when the tenant allows) and manage the
/// ones they own.
/// </summary>
internal sealed class PortalAccess(GatehouseDb db, DirectoryRoleAssignments roles, ApplicationRegistrations applications)
{
    private static readonly DirectoryRoleTemplate[] AppAdministrators =
    [
        DirectoryRoleTemplate.GlobalAdministrator, DirectoryRoleTemplate.ApplicationAdministrator, DirectoryRoleTemplate.CloudApplicationAdministrator,
    ];

    public Task<bool> IsAppAdministratorAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        roles.HoldsAnyAsync(user.TenantId(), user.UserId(), AppAdministrators, cancellationToken);

    public async Task<bool> CanRegisterAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        return await db.Tenants.AnyAsync(t => t.Id == tenantId && t.UsersCanRegisterApplications, cancellationToken)
            || await roles.HoldsAnyAsync(tenantId, user.UserId(), [.. AppAdministrators, DirectoryRoleTemplate.ApplicationDeveloper], cancellationToken);
    }

    /// <summary>The app, if this user may manage it; otherwise why not.</summary>
    public async Task<(Application? Application, PortalRefusal? Refusal)> OpenAsync(ClaimsPrincipal user, Guid objectId, CancellationToken cancellationToken)
    {
        var found = await applications.FindAsync(user.TenantId(), objectId.ToString(), cancellationToken);
        if (!found.Succeeded)
        {
            return (null, PortalRefusal.NotFound);
        }

        var application = found.Value;
        var userId = user.UserId();
        return application.Owners.Any(o => o.OwnerId == userId) || await IsAppAdministratorAsync(user, cancellationToken)
            ? (application, null)
            : (null, PortalRefusal.NotOwner);
    }
}

/// <summary>Why the portal refused, named in the URL of the page that explains it.</summary>
internal enum PortalRefusal
{
    NotFound,
    NotOwner,
    NotAdministrator,
    RegistrationDisabled,
}
