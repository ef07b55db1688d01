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
internal sealed class UserRoleAssignments(GatehouseDb db, UserAccounts users, ServicePrincipalDirectory servicePrincipals, TimeProvider clock)
{
    /// <summary>Assigns the role, once: assigning it again returns the existing assignment.</summary>
    public async Task<Outcome<AppRoleAssignment>> AssignAsync(Guid tenantId, Application application, string roleValue, string user, CancellationToken cancellationToken)
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
        var existing = await db.AppRoleAssignments.FirstOrDefaultAsync(
            a => a.PrincipalId == assignee.Id && a.ResourceId == resource.Id && a.AppRoleId == role.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var assignment = new AppRoleAssignment
        {
            Id = OpaqueId.New(),
            TenantId = tenantId,
            PrincipalId = assignee.Id,
            PrincipalType = DirectoryObjectType.User,
            ResourceId = resource.Id,
            AppRoleId = role.Id,
            CreatedDateTime = clock.StoreNow(),
        };
        db.AppRoleAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return assignment;
    }

    /// <summary>Removes the user's assignment to the role; false when there was none.</summary>
    public async Task<Outcome<bool>> UnassignAsync(Guid tenantId, Application application, string roleValue, string user, CancellationToken cancellationToken)
    {
        var role = application.AppRoles.FirstOrDefault(r => string.Equals(r.Value, roleValue, StringComparison.Ordinal));
        var assignee = await users.FindAsync(tenantId, user, cancellationToken);
        if (role is null || assignee is null)
        {
            return DirectoryError.NotFound(role is null ? $"The app {application.DisplayName} has no app role with the value '{roleValue}'." : $"No user '{user}' in this tenant.");
        }

        var assignments = await db.AppRoleAssignments
            .Where(a => a.TenantId == tenantId && a.PrincipalId == assignee.Id && a.AppRoleId == role.Id
                && db.ServicePrincipals.Any(sp => sp.Id == a.ResourceId && sp.TenantId == tenantId && sp.AppId == application.AppId))
            .ToListAsync(cancellationToken);
        db.AppRoleAssignments.RemoveRange(assignments);
        await db.SaveChangesAsync(cancellationToken);
        return assignments.Count > 0;
    }
}
