using Gatehouse.DirectoryObjects.Permissions;

namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>A requested permission and whether it is granted tenant-wide: a row of the API permissions table.</summary>
internal sealed record PermissionGrantStatus(RequestedPermission Permission, bool Granted);
