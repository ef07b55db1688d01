using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions;

/// <summary>An API that permissions can be requested on: a first-party Microsoft API or an app that exposes one.</summary>
internal sealed record ApiResource(
    Guid AppId,
    string DisplayName,
    IReadOnlyList<string> Names,
    IReadOnlyList<AppRole> AppRoles,
    IReadOnlyList<PermissionScope> Scopes)
{
    public IEnumerable<AppRole> ApplicationPermissions =>
        AppRoles.Where(r => r.IsEnabled && r.AllowedMemberTypes.Contains("Application"));

    public IEnumerable<PermissionScope> DelegatedPermissions => Scopes.Where(s => s.IsEnabled);

    public bool IsNamed(string reference) =>
        string.Equals(DisplayName, reference, StringComparison.OrdinalIgnoreCase)
        || Names.Any(n => string.Equals(n, reference, StringComparison.OrdinalIgnoreCase))
        || (Guid.TryParse(reference, out var id) && id == AppId);
}
