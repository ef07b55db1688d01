using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>
/// A Microsoft API that exists as a service principal in every tenant, with the permissions it exposes.
/// <paramref name="ServicePrincipalNames"/> holds the App ID URIs and other names by which clients address it;
/// <paramref name="PortalName"/> is the name the portal's API permissions blade shows, where it differs.
/// </summary>
internal sealed record FirstPartyApi(
    Guid AppId,
    string DisplayName,
    IReadOnlyList<string> ServicePrincipalNames,
    IReadOnlyList<AppRole> AppRoles,
    IReadOnlyList<PermissionScope> Oauth2PermissionScopes,
    string? PortalName = null)
{
    /// <summary>The Microsoft Services tenant that owns every first-party application.</summary>
    public static readonly Guid MicrosoftServicesTenantId = new("f8cdef31-a31e-4b4a-93e4-5f571e91255a");
}
