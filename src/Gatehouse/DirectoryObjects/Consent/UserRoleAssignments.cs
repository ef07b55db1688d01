using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>
/// "Users and groups" of an enterprise app: a user assigned one of the app's roles, which then appears in the roles
/// claim of the tokens the user gets for it (appRoleAssignedTo in Graph; the role must allow User members).
/// </summary>
internal sealed class UserRoleAssignments(GatehouseDb db, UserAccounts users, ServicePrincipalDirectory servicePrincipals, AppRoleAssignments assignments)
{
    /// <summary>Assigns the role, once: assigning it again returns the existing assignment.</summary>
    public async Task<Outcome<AppRoleAssignment, DirectoryError>> AssignAsync(Guid tenantId, Application application, string roleValue, string user, CancellationToken cancellationToken)
    {
        var role = application.AppRoles.FirstOrDefault(r => string.Equals(r.Value, roleValue, StringComparison.Ordinal));
        if (role is null)
        {
            return DirectoryError.NotFound($"The app {application.DisplayName} has no app role with the value '{roleValue}'.");
        }

        if (!role.IsEnabled || !role.AllowedMemberTypes.Contains("User", StringComparer.Ordinal))
        {
            return DirectoryError.Invalid($"The app role '{roleValue}' is not enabled for users (allowed member types: {string.Join(", ", role.AllowedMemberTypes)}).");
        }

        var assignee = await users.FindAsync(tenantId, user, cancellationToken);
        if (assignee is null)
        {
            return DirectoryError.NotFound($"No user '{user}' in this tenant.");
        }

        var resource = await servicePrincipals.EnsureForApplicationAsync(tenantId, application, cancellationToken);
        var granted = await assignments.GrantAsync(tenantId, assignee.Id, resource.Id, role.Id, cancellationToken);
        if (granted.Succeeded || granted.Error.Kind != DirectoryErrorKind.Conflict)
        {
            return granted;
        }

        return await db.AppRoleAssignments.AsNoTracking().FirstAsync(
            a => a.PrincipalId == assignee.Id && a.ResourceId == resource.Id && a.AppRoleId == role.Id, cancellationToken);
    }

    /// <summary>Removes the user's assignment to the role; false when there was none.</summary>
    public async Task<Outcome<bool, DirectoryError>> UnassignAsync(Guid tenantId, Application application, string roleValue, string user, CancellationToken cancellationToken)
    {
        var role = application.AppRoles.FirstOrDefault(r => string.Equals(r.Value, roleValue, StringComparison.Ordinal));
        var assignee = await users.FindAsync(tenantId, user, cancellationToken);
        if (role is null || assignee is null)
        {
            return DirectoryError.NotFound(role is null ? $"The app {application.DisplayName} has no app role with the value '{roleValue}'." : $"No user '{user}' in this tenant.");
        }

        var held = await db.AppRoleAssignments
            .Where(a => a.TenantId == tenantId && a.PrincipalId == assignee.Id && a.AppRoleId == role.Id
                && db.ServicePrincipals.Any(sp => sp.Id == a.ResourceId && sp.TenantId == tenantId && sp.AppId == application.AppId))
            .ToListAsync(cancellationToken);
        db.AppRoleAssignments.RemoveRange(held);
        await db.SaveChangesAsync(cancellationToken);
        return held.Count > 0;
    }
}
