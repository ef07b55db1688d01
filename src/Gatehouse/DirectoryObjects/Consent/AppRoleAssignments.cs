using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>
/// Grants and revokes app roles of a resource service principal to users, groups and service principals: for a
/// client service principal, an application permission granted (admin consent of one role).
/// </summary>
internal sealed class AppRoleAssignments(GatehouseDb db, TimeProvider clock, DirectoryObjectTypes objectTypes, ApiResources resources)
{
    /// <summary>The default access role: an assignment to the app itself rather than to one of its roles.</summary>
    public static readonly Guid DefaultAccess = Guid.Empty;

    public async Task<Outcome<AppRoleAssignment, DirectoryError>> GrantAsync(Guid tenantId, Guid principalId, Guid resourceId, Guid appRoleId, CancellationToken cancellationToken)
    {
        var resource = await db.ServicePrincipals.AsNoTracking().FirstOrDefaultAsync(sp => sp.TenantId == tenantId && sp.Id == resourceId, cancellationToken);
        if (resource is null)
        {
            return DirectoryError.NotFound($"Resource '{resourceId}' does not exist or one of its queried reference-property objects are not present.");
        }

        if (await objectTypes.FindAsync(tenantId, principalId, cancellationToken) is not { } principalType)
        {
            return DirectoryError.NotFound($"Resource '{principalId}' does not exist or one of its queried reference-property objects are not present.");
        }

        if (appRoleId != DefaultAccess)
        {
            var definition = await resources.FindByAppIdAsync(resource.AppId, cancellationToken);
            var role = definition?.AppRoles.FirstOrDefault(r => r.Id == appRoleId && r.IsEnabled);
            if (role is null)
            {
                return DirectoryError.Invalid($"Permission being assigned was not found on application '{resource.AppId}'.");
            }

            // An application permission goes to a service principal; a role for people goes to users and groups.
            var memberType = principalType == DirectoryObjectType.ServicePrincipal ? "Application" : "User";
            if (!role.AllowedMemberTypes.Contains(memberType))
            {
                return DirectoryError.Invalid($"The app role '{role.Value}' cannot be assigned to a {principalType}: its allowed member types are {string.Join(", ", role.AllowedMemberTypes)}.");
            }
        }

        if (await db.AppRoleAssignments.AnyAsync(a => a.PrincipalId == principalId && a.ResourceId == resourceId && a.AppRoleId == appRoleId, cancellationToken))
        {
            return DirectoryError.Conflict("Permission being assigned already exists on the object");
        }

        var assignment = new AppRoleAssignment
        {
            Id = OpaqueId.New(),
            TenantId = tenantId,
            PrincipalId = principalId,
            PrincipalType = principalType,
            ResourceId = resourceId,
            AppRoleId = appRoleId,
            CreatedDateTime = clock.StoreNow(),
        };
        db.AppRoleAssignments.Add(assignment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same grant made at the same moment elsewhere: the unique (principal, resource, role) key kept one.
            return DirectoryError.Conflict("Permission being assigned already exists on the object");
        }

        return assignment;
    }

    /// <summary>Removes the assignment if it is held by or granted on <paramref name="objectId"/> (the object the request names).</summary>
    public async Task<Outcome<AppRoleAssignment, DirectoryError>> RevokeAsync(Guid tenantId, Guid objectId, string assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.AppRoleAssignments.FirstOrDefaultAsync(
            a => a.TenantId == tenantId && a.Id == assignmentId && (a.PrincipalId == objectId || a.ResourceId == objectId), cancellationToken);
        if (assignment is null)
        {
            return DirectoryError.NotFound($"Resource '{assignmentId}' does not exist or one of its queried reference-property objects are not present.");
        }

        db.AppRoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return assignment;
    }

    /// <summary>The values of the enabled app roles a principal holds on the API whose appId is <paramref name="resourceAppId"/>.</summary>
    public async Task<IReadOnlySet<string>> HeldRoleValuesAsync(Guid tenantId, Guid principalId, Guid resourceAppId, CancellationToken cancellationToken)
    {
        var roleIds = await (
            from assignment in db.AppRoleAssignments
            join resource in db.ServicePrincipals on assignment.ResourceId equals resource.Id
            where assignment.TenantId == tenantId && assignment.PrincipalId == principalId && resource.AppId == resourceAppId
            select assignment.AppRoleId).ToListAsync(cancellationToken);
        var definition = await resources.FindByAppIdAsync(resourceAppId, cancellationToken);
        return definition?.AppRoles.Where(r => r.IsEnabled && roleIds.Contains(r.Id)).Select(r => r.Value).ToHashSet(StringComparer.Ordinal)
            ?? new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The assignments a principal holds (<paramref name="held"/>) or that are granted on a resource, oldest first.</summary>
    public Task<List<AppRoleAssignment>> ListAsync(Guid tenantId, Guid objectId, bool held, CancellationToken cancellationToken) =>
        db.AppRoleAssignments.AsNoTracking()
            .Where(a => a.TenantId == tenantId && (held ? a.PrincipalId == objectId : a.ResourceId == objectId))
            .OrderBy(a => a.CreatedDateTime).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
}
