using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions;

/// <summary>The portal's TYPE column: Delegated (a scope) or Application (an app role).</summary>
internal enum PermissionKind
{
    Delegated,
    Application,
}

internal static class PermissionKinds
{
    public static string ToResourceAccessType(this PermissionKind kind) =>
        kind == PermissionKind.Delegated ? ResourceAccess.ScopeType : ResourceAccess.RoleType;

    public static PermissionKind FromResourceAccessType(string type) =>
        type == ResourceAccess.RoleType ? PermissionKind.Application : PermissionKind.Delegated;

    public static PermissionKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "delegated" or "scope" => PermissionKind.Delegated,
        "application" or "role" => PermissionKind.Application,
        _ => null,
    };
}
