using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.ResourceServer;

namespace Gatehouse.PortalApi;

/// <summary>
/// Who may grant consent for the whole tenant (docs/protocol/microsoft-hosts.md §4): a signed-in user who administers
/// every app (the portal's rule, <see cref="ApplicationManagers"/>), or an app whose service principal holds the
/// Microsoft Graph application permissions Graph requires to make the same grants: AppRoleAssignment.ReadWrite.All
/// for the app role assignments, and DelegatedPermissionGrant.ReadWrite.All or Directory.ReadWrite.All for the
/// tenant-wide delegated grant.
/// </summary>
internal sealed class TenantWideConsentRight(ApplicationManagers managers, AppRoleAssignments assignments)
{
    private static readonly string[] GrantsAppRoles = ["AppRoleAssignment.ReadWrite.All"];

    private static readonly string[] GrantsDelegatedPermissions = ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"];

    /// <summary>Null when the caller may grant; otherwise the refusal.</summary>
    public async Task<PortalApiError?> RefuseAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.UserId is { } userId)
        {
            return await managers.IsAdministratorAsync(caller.TenantId, userId, cancellationToken) ? null : PortalApiErrors.NotAnAdministrator();
        }

        var held = await assignments.HeldRoleValuesAsync(caller.TenantId, caller.ObjectId, MicrosoftGraphApi.Api.AppId, cancellationToken);
        return GrantsAppRoles.Any(held.Contains) && GrantsDelegatedPermissions.Any(held.Contains) ? null : PortalApiErrors.InsufficientPrivileges();
    }
}
