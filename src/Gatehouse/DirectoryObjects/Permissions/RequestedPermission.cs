namespace Gatehouse.DirectoryObjects.Permissions;

/// <summary>One permission an app requests, described as the API permissions table shows it.</summary>
internal sealed record RequestedPermission(
    Guid ResourceAppId,
    string ResourceDisplayName,
    Guid PermissionId,
    string Value,
    PermissionKind Type,
    string Description,
    bool AdminConsentRequired);
