using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>
/// "Users and groups" of an enterprise app: a user or a group assigned one of the app's roles, which then appears in
/// the roles claim of the tokens the user, or each member of the group, gets for it (appRoleAssignedTo in Graph; the
/// role must allow User members, which covers groups).
/// </summary>
internal sealed class UsersAndGroupsAssignments(GatehouseDb db, UserAccounts users, ServicePrincipalDirectory servicePrincipals, AppRoleAssignments assignments)
{
    /// <summary>Assigns the role, once: assigning it again returns the existing assignment.</summary>
    public async Task<Outcome<AppRoleAssignment, DirectoryError>> AssignAsync(
        Guid tenantId, Application application, string roleValue, RoleAssignee assignee, CancellationToken cancellationToken)
    {
        var role = application.AppRoles.FirstOrDefault(r => string.Equals(r.Value, roleValue, StringComparison.Ordinal));
        if (role is null)
        {
            return NoSuchRole(application, roleValue);
        }

        if (!role.IsEnabled || !role.AllowedMemberTypes.Contains("User", StringComparer.Ordinal))
        {
            return DirectoryError.Invalid($"The app role '{roleValue}' is not enabled for users (allowed member types: {string.Join(", ", role.AllowedMemberTypes)}).");
        }

        var principal = await FindAsync(tenantId, assignee, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var resource = await servicePrincipals.EnsureForApplicationAsync(tenantId, application, cancellationToken);
        var granted = await assignments.GrantAsync(tenantId, principal.Value, resource.Id, role.Id, cancellationToken);
        if (granted.Succeeded || granted.Error.Kind != DirectoryErrorKind.Conflict)
        {
            return granted;
        }

        return await db.AppRoleAssignments.AsNoTracking().FirstAsync(
            a => a.PrincipalId == principal.Value && a.ResourceId == resource.Id && a.AppRoleId == role.Id, cancellationToken);
    }

    /// <summary>Removes the user's or group's assignment to the role; false when there was none.</summary>
    public async Task<Outcome<bool, DirectoryError>> UnassignAsync(
        Guid tenantId, Application application, string roleValue, RoleAssignee assignee, CancellationToken cancellationToken)
    {
        var role = application.AppRoles.FirstOrDefault(r => string.Equals(r.Value, roleValue, StringComparison.Ordinal));
        if (role is null)
        {
            return NoSuchRole(application, roleValue);
        }

        var principal = await FindAsync(tenantId, assignee, cancellationToken);
        if (!principal.Succeeded)
        {
            return principal.Error;
        }

        var held = await db.AppRoleAssignments
            .Where(a => a.TenantId == tenantId && a.PrincipalId == principal.Value && a.AppRoleId == role.Id
                && db.ServicePrincipals.Any(sp => sp.Id == a.ResourceId && sp.TenantId == tenantId && sp.AppId == application.AppId))
            .ToListAsync(cancellationToken);
        db.AppRoleAssignments.RemoveRange(held);
        await db.SaveChangesAsync(cancellationToken);
        return held.Count > 0;
    }

    private static DirectoryError NoSuchRole(Application application, string roleValue) =>
        DirectoryError.NotFound($"The app {application.DisplayName} has no app role with the value '{roleValue}'.");

    /// <summary>The user (UPN or object ID) or group (object ID or a display name no other group has) the assignment is for.</summary>
    private async Task<Outcome<Guid, DirectoryError>> FindAsync(Guid tenantId, RoleAssignee assignee, CancellationToken cancellationToken)
    {
        if (!assignee.IsGroup)
        {
            return await users.FindAsync(tenantId, assignee.Name, cancellationToken) is { } user
                ? user.Id
                : DirectoryError.NotFound($"No user '{assignee.Name}' in this tenant.");
        }

        var groups = Guid.TryParse(assignee.Name, out var groupId)
            ? db.Groups.Where(g => g.TenantId == tenantId && g.Id == groupId)
            : db.Groups.Where(g => g.TenantId == tenantId && g.DisplayName == assignee.Name);
        var found = await groups.Select(g => g.Id).Take(2).ToListAsync(cancellationToken);
        return found switch
        {
            [var only] => only,
            [] => DirectoryError.NotFound($"No group '{assignee.Name}' in this tenant."),
            _ => DirectoryError.Invalid($"More than one group is named '{assignee.Name}': give its object ID."),
        };
    }
}

/// <summary>Who an app role is assigned to: a user (UPN or object ID) or a group (object ID or unique display name).</summary>
internal sealed record RoleAssignee(string Name, bool IsGroup);
