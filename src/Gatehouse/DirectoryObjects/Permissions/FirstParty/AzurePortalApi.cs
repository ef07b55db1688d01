using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>
/// ADIbizaUX (appId 74658136-14ec-4630-ad9b-26e160ff0fc6), the audience of the Azure portal's own API at
/// https://main.iam.ad.ext.azure.com, which `az ad app permission admin-consent` asks a token for
/// (docs/protocol/microsoft-hosts.md §4). It exposes only a delegated user_impersonation scope.
/// </summary>
internal static class AzurePortalApi
{
    public static FirstPartyApi Api { get; } = new(
        AppId: new Guid("74658136-14ec-4630-ad9b-26e160ff0fc6"),
        DisplayName: "ADIbizaUX",
        ServicePrincipalNames:
        [
            "https://main.iam.ad.ext.azure.com",
            "https://main.iam.ad.ext.azure.com/",
            "74658136-14ec-4630-ad9b-26e160ff0fc6",
        ],
        AppRoles: [],
        Oauth2PermissionScopes:
        [
            new PermissionScope
            {
                // The real scope's id is not published; this one is Gatehouse's (docs/protocol/microsoft-hosts.md §4).
                Id = new Guid("b1d0311f-cbc0-42c4-8984-fded7d7e8a0a"),
                Value = "user_impersonation",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Access the Azure portal's directory API as organization users",
                AdminConsentDescription = "Allows the application to call the Azure portal's directory API acting as users in the organization.",
                UserConsentDisplayName = "Access the Azure portal's directory API as you",
                UserConsentDescription = "Allows the application to call the Azure portal's directory API as you.",
            },
        ]);
}
