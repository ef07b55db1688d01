using System.Security.Claims;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Roles;

namespace Gatehouse.Portal;

/// <summary>
/// Who may do what in the portal, by the directory's rules (<see cref="ApplicationManagers"/>): administrators see and
/// manage every app registration and may grant admin consent; any user may register apps (when the tenant allows) and
/// manage the ones they own. The sign-in and audit logs are for Global Administrators, as Graph's auditLogs are.
/// </summary>
internal sealed class PortalAccess(ApplicationManagers managers, ApplicationRegistrations applications, DirectoryRoleAssignments roles)
{
    public Task<bool> MayReadActivityLogsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        roles.HoldsAnyAsync(user.TenantId(), user.UserId(), [DirectoryRoleTemplate.GlobalAdministrator], cancellationToken);

    public Task<bool> IsAppAdministratorAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        managers.IsAdministratorAsync(user.TenantId(), user.UserId(), cancellationToken);

    public Task<bool> CanRegisterAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        managers.MayRegisterAsync(user.TenantId(), user.UserId(), cancellationToken);

    /// <summary>The app, if this user may manage it; otherwise why not.</summary>
    public async Task<Outcome<Application, PortalRefusal>> OpenAsync(ClaimsPrincipal user, Guid objectId, CancellationToken cancellationToken)
    {
        var found = await applications.FindAsync(user.TenantId(), objectId.ToString(), cancellationToken);
        if (!found.Succeeded)
        {
            return PortalRefusal.NotFound;
        }

        var application = found.Value;
        return await managers.MayManageAsync(application, user.UserId(), cancellationToken) ? application : PortalRefusal.NotOwner;
    }
}

/// <summary>Why the portal refused, named in the URL of the page that explains it.</summary>
internal enum PortalRefusal
{
    NotFound,
    NotOwner,
    NotAdministrator,
    RegistrationDisabled,
    NotLogReader,
    NotUserAdministrator,
    NotAppAdministrator,
    ObjectNotFound,
    NotConnectorAdministrator,
    InstanceNotFound,
}
