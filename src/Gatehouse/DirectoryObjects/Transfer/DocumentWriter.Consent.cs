using Gatehouse.DirectoryObjects.Consent;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>App role assignments and delegated permission grants.</summary>
internal sealed partial class DocumentWriter
{
    /// <summary>
    /// Each assignment is matched by its ID, else by what it assigns (principal, resource, app role); each grant by its
    /// ID, else by whom it is for (client, consent type, user, resource). A match under another ID gives way to the
    /// document's.
    /// </summary>
    private async Task WriteConsentAsync(CancellationToken cancellationToken)
    {
        var assignments = await db.AppRoleAssignments.Where(a => a.TenantId == tenantId).ToListAsync(cancellationToken);
        foreach (var entry in document.AppRoleAssignments)
        {
            var assignment = assignments.FirstOrDefault(a => a.Id == entry.Id)
                ?? assignments.FirstOrDefault(a => a.PrincipalId == entry.PrincipalId && a.ResourceId == entry.ResourceId && a.AppRoleId == entry.AppRoleId);
            if (assignment is not null && entry.Id is { } id && assignment.Id != id)
            {
                await db.AppRoleAssignments.Where(a => a.Id == assignment.Id).ExecuteDeleteAsync(cancellationToken);
                db.Entry(assignment).State = EntityState.Detached;
                assignments.Remove(assignment);
                assignment = null;
            }

            if (assignment is null)
            {
                assignment = new AppRoleAssignment { Id = entry.Id ?? OpaqueId.New(), TenantId = tenantId, CreatedDateTime = now };
                db.AppRoleAssignments.Add(assignment);
                assignments.Add(assignment);
            }

            assignment.PrincipalId = entry.PrincipalId;
            assignment.PrincipalType = principalTypes[entry.PrincipalId];
            assignment.ResourceId = entry.ResourceId;
            assignment.AppRoleId = entry.AppRoleId;
            assignment.CreatedDateTime = Stored(entry.CreatedDateTime) ?? assignment.CreatedDateTime;
        }

        var grants = await db.OAuth2PermissionGrants.Where(g => g.TenantId == tenantId).ToListAsync(cancellationToken);
        foreach (var entry in document.Oauth2PermissionGrants)
        {
            var grant = grants.FirstOrDefault(g => g.Id == entry.Id)
                ?? grants.FirstOrDefault(g => g.ClientId == entry.ClientId && g.ConsentType == entry.ConsentType && g.PrincipalId == entry.PrincipalId && g.ResourceId == entry.ResourceId);
            if (grant is not null && entry.Id is { } id && grant.Id != id)
            {
                db.OAuth2PermissionGrants.Remove(grant);
                grants.Remove(grant);
                grant = null;
            }

            if (grant is null)
            {
                grant = new OAuth2PermissionGrant { Id = entry.Id ?? OpaqueId.New(), TenantId = tenantId };
                db.OAuth2PermissionGrants.Add(grant);
                grants.Add(grant);
            }

            grant.ClientId = entry.ClientId;
            grant.ConsentType = entry.ConsentType;
            grant.PrincipalId = entry.PrincipalId;
            grant.ResourceId = entry.ResourceId;
            grant.Scope = entry.Scope;
        }
    }
}
