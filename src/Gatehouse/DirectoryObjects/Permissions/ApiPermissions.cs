using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions;

/// <summary>Adds and removes the permissions an app requests (its requiredResourceAccess).</summary>
internal sealed class ApiPermissions(GatehouseDb db, ApiResources resources)
{
    public async Task<Outcome<RequestedPermission, DirectoryError>> AddAsync(
        Application application, string resourceReference, string permissionReference, PermissionKind? kind, CancellationToken cancellationToken)
    {
        var found = await FindPermissionAsync(application.TenantId, resourceReference, permissionReference, kind, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var permission = found.Value;
        var type = permission.Type.ToResourceAccessType();
        var entries = application.RequiredResourceAccess;
        var entry = entries.FirstOrDefault(r => r.ResourceAppId == permission.ResourceAppId);
        if (entry is null)
        {
            entry = new RequiredResourceAccess { ResourceAppId = permission.ResourceAppId };
            entries.Add(entry);
        }

        if (!entry.ResourceAccess.Any(a => a.Id == permission.PermissionId && a.Type == type))
        {
            entry.ResourceAccess.Add(new ResourceAccess { Id = permission.PermissionId, Type = type });
            await SaveRequiredResourceAccessAsync(application, entries, cancellationToken);
        }

        return permission;
    }

    public async Task<Outcome<RequestedPermission, DirectoryError>> RemoveAsync(
        Application application, string resourceReference, string permissionReference, PermissionKind? kind, CancellationToken cancellationToken)
    {
        var found = await FindPermissionAsync(application.TenantId, resourceReference, permissionReference, kind, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var permission = found.Value;
        var type = permission.Type.ToResourceAccessType();
        var entries = application.RequiredResourceAccess;
        var entry = entries.FirstOrDefault(r => r.ResourceAppId == permission.ResourceAppId);
        if (entry is null || entry.ResourceAccess.RemoveAll(a => a.Id == permission.PermissionId && a.Type == type) == 0)
        {
            return DirectoryError.NotFound($"The application does not request {permission.Value} ({permission.Type}).");
        }

        if (entry.ResourceAccess.Count == 0)
        {
            entries.Remove(entry);
        }

        await SaveRequiredResourceAccessAsync(application, entries, cancellationToken);
        return permission;
    }

    /// <summary>Every permission the app requests, described from the resource's catalogue, in the portal's order.</summary>
    public async Task<IReadOnlyList<RequestedPermission>> ListAsync(Application application, CancellationToken cancellationToken)
    {
        var list = new List<RequestedPermission>();
        foreach (var entry in application.RequiredResourceAccess)
        {
            var resource = await resources.FindByAppIdAsync(entry.ResourceAppId, cancellationToken);
            foreach (var access in entry.ResourceAccess)
            {
                var kind = PermissionKinds.FromResourceAccessType(access.Type);
                list.Add(resource is not null && Describe(resource, access.Id, kind) is { } described
                    ? described
                    : new RequestedPermission(entry.ResourceAppId, resource?.DisplayName ?? entry.ResourceAppId.ToString(),
                        access.Id, access.Id.ToString(), kind, "", true));
            }
        }

        return [.. list.OrderBy(p => p.ResourceDisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Value, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Type)];
    }

    public static RequestedPermission? Describe(ApiResource resource, Guid permissionId, PermissionKind kind)
    {
        if (kind == PermissionKind.Delegated)
        {
            var scope = resource.Scopes.FirstOrDefault(s => s.Id == permissionId);
            return scope is null
                ? null
                : new RequestedPermission(resource.AppId, resource.DisplayName, scope.Id, scope.Value, kind,
                    scope.AdminConsentDisplayName, scope.Type == PermissionScope.AdminConsent);
        }

        var role = resource.AppRoles.FirstOrDefault(r => r.Id == permissionId);
        return role is null
            ? null
            : new RequestedPermission(resource.AppId, resource.DisplayName, role.Id, role.Value, kind, role.DisplayName, true);
    }

    private async Task<Outcome<RequestedPermission, DirectoryError>> FindPermissionAsync(
        Guid tenantId, string resourceReference, string permissionReference, PermissionKind? kind, CancellationToken cancellationToken)
    {
        var resourceFound = await resources.FindAsync(tenantId, resourceReference, cancellationToken);
        if (!resourceFound.Succeeded)
        {
            return resourceFound.Error;
        }

        var resource = resourceFound.Value;
        var wanted = permissionReference.Trim();
        bool Matches(Guid id, string value) =>
            string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase) || (Guid.TryParse(wanted, out var g) && g == id);

        var delegated = resource.DelegatedPermissions.Where(s => Matches(s.Id, s.Value))
            .Select(s => Describe(resource, s.Id, PermissionKind.Delegated)!);
        var application = resource.ApplicationPermissions.Where(r => Matches(r.Id, r.Value))
            .Select(r => Describe(resource, r.Id, PermissionKind.Application)!);
        var candidates = delegated.Concat(application).Where(p => kind is null || p.Type == kind).ToList();

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        if (candidates.Count > 1)
        {
            return DirectoryError.Invalid(
                $"{resource.DisplayName} offers {candidates[0].Value} both as a Delegated and as an Application permission; say which with the type.");
        }

        var known = (kind != PermissionKind.Application ? resource.DelegatedPermissions.Select(s => s.Value) : [])
            .Concat(kind != PermissionKind.Delegated ? resource.ApplicationPermissions.Select(r => r.Value) : []);
        var suggestions = PermissionSuggestions.For(wanted, known);
        var typeText = kind is null ? "" : $" {kind}";
        return DirectoryError.NotFound(suggestions.Count == 0
            ? $"{resource.DisplayName} has no{typeText} permission named '{wanted}'."
            : $"{resource.DisplayName} has no{typeText} permission named '{wanted}'. Did you mean: {string.Join(", ", suggestions)}?");
    }

    private async Task SaveRequiredResourceAccessAsync(Application application, List<RequiredResourceAccess> entries, CancellationToken cancellationToken)
    {
        // Owned JSON collections are saved as a whole: hand EF a fresh list so it rewrites the column.
        application.RequiredResourceAccess = [.. entries.Select(e => new RequiredResourceAccess
        {
            ResourceAppId = e.ResourceAppId,
            ResourceAccess = [.. e.ResourceAccess.Select(a => new ResourceAccess { Id = a.Id, Type = a.Type })],
        })];
        await db.SaveChangesAsync(cancellationToken);
    }
}
