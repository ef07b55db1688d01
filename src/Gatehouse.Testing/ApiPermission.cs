using System.Diagnostics.CodeAnalysis;

namespace Gatehouse.Testing;

/// <summary>
/// A permission an application requests: the API by name or Application ID URI ("Microsoft Graph", an app registered
/// here) and the permission's value (User.Read.All, an app role's or a scope's value).
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "The portal's and Graph's own name for it: an app's API permissions.")]
public sealed record ApiPermission(string Api, string Permission, PermissionType Type = PermissionType.Application);

/// <summary>Application permissions are app roles granted to the app itself; delegated ones are scopes it uses for a signed-in user.</summary>
public enum PermissionType
{
    Application,
    Delegated,
}
