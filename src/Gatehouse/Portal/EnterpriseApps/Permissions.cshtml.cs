using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>
/// Permissions: what the app was granted, by admin consent (delegated for everyone, and application permissions) and
/// by users' own consent, each with Revoke. A revoked permission is gone from the next token the app gets; the
/// delegated grant loses the scope (or goes, with its last one) as Graph's PATCH and DELETE of oauth2PermissionGrants do.
/// </summary>
internal sealed class PermissionsModel(
    ServicePrincipalDirectory servicePrincipals, GatehouseDb db, ApiResources resources, PermissionGrants grants, AppRoleAssignments assignments)
    : EnterpriseAppBladeModel(servicePrincipals)
{
    public override string Blade => "Permissions";

    public IReadOnlyList<GrantedPermission> AdminConsent { get; private set; } = [];

    public IReadOnlyList<GrantedPermission> UserConsent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var cancellationToken = HttpContext.RequestAborted;
        var delegated = await db.OAuth2PermissionGrants.AsNoTracking().Where(g => g.ClientId == Principal.Id).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var application = await assignments.ListAsync(Principal.TenantId, Principal.Id, held: true, cancellationToken);
        var resourceIds = delegated.Select(g => g.ResourceId).Concat(application.Select(a => a.ResourceId)).Distinct().ToList();
        var resourceAppIds = await db.ServicePrincipals.AsNoTracking().Where(sp => resourceIds.Contains(sp.Id)).ToDictionaryAsync(sp => sp.Id, sp => sp.AppId, cancellationToken);
        var apis = new Dictionary<Guid, ApiResource?>();
        foreach (var appId in resourceAppIds.Values.Distinct())
        {
            apis[appId] = await resources.FindByAppIdAsync(appId, cancellationToken);
        }

        var userIds = delegated.Where(g => g.PrincipalId is not null).Select(g => g.PrincipalId!.Value).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserPrincipalName, cancellationToken);
        ApiResource? Api(Guid resourceId) => resourceAppIds.TryGetValue(resourceId, out var appId) ? apis[appId] : null;

        var scopes = delegated.SelectMany(grant => grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(scope =>
        {
            var api = Api(grant.ResourceId);
            var described = api?.Scopes.FirstOrDefault(s => s.Value == scope)?.AdminConsentDisplayName ?? "";
            var through = grant.PrincipalId is { } userId ? $"User consent ({userNames.GetValueOrDefault(userId, userId.ToString())})" : "Admin consent";
            return new GrantedPermission(api?.DisplayName ?? grant.ResourceId.ToString(), scope, described, IsApplication: false, through, grant.Id);
        })).ToList();
        var roles = application.Select(assignment =>
        {
            var api = Api(assignment.ResourceId);
            var role = api?.AppRoles.FirstOrDefault(r => r.Id == assignment.AppRoleId);
            return new GrantedPermission(
                api?.DisplayName ?? assignment.ResourceId.ToString(), role?.Value ?? assignment.AppRoleId.ToString(), role?.DisplayName ?? "", IsApplication: true, "Admin consent", assignment.Id);
        });
        AdminConsent = [.. scopes.Where(p => p.GrantedThrough == "Admin consent").Concat(roles).OrderBy(p => p.Api).ThenBy(p => p.Value, StringComparer.Ordinal)];
        UserConsent = [.. scopes.Where(p => p.GrantedThrough != "Admin consent").OrderBy(p => p.Api).ThenBy(p => p.Value, StringComparer.Ordinal)];
        return Page();
    }

    /// <summary>Revokes one permission: a scope of a delegated grant, or an application permission (its app role assignment).</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string grantId, string value, bool application)
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var cancellationToken = HttpContext.RequestAborted;
        if (application)
        {
            var revoked = await assignments.RevokeAsync(Principal.TenantId, Principal.Id, grantId ?? "", cancellationToken);
            return Done(revoked.Succeeded ? $"Revoked {value}." : $"{value} was already revoked.", "/permissions");
        }

        if (await grants.FindAsync(Principal.TenantId, grantId ?? "", cancellationToken) is not { } grant || grant.ClientId != Principal.Id)
        {
            return Done($"{value} was already revoked.", "/permissions");
        }

        var remaining = string.Join(' ', grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => s != value));
        if (remaining.Length == 0)
        {
            await grants.DeleteAsync(grant, cancellationToken);
        }
        else
        {
            var changed = await grants.SetScopeAsync(grant, remaining, cancellationToken);
            if (!changed.Succeeded)
            {
                return Done(changed.Error.Message, "/permissions");
            }
        }

        return Done($"Revoked {value}.", "/permissions");
    }
}
