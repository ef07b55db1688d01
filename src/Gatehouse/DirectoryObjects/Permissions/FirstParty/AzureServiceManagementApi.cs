using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>
/// Windows Azure Service Management API (appId 797f4846-ba00-4fd7-ba43-dac1f8f63013), the audience of Azure Resource
/// Manager's tokens, which the Azure CLI asks for as https://management.core.windows.net//.default
/// (docs/protocol/azure-cli.md §1). It exposes only a delegated user_impersonation scope.
/// </summary>
internal static class AzureServiceManagementApi
{
    public static FirstPartyApi Api { get; } = new(
        AppId: new Guid("797f4846-ba00-4fd7-ba43-dac1f8f63013"),
        DisplayName: "Windows Azure Service Management API",
        ServicePrincipalNames:
        [
            "https://management.core.windows.net/",
            "https://management.core.windows.net",
            "https://management.azure.com/",
            "https://management.azure.com",
            "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        ],
        AppRoles: [],
        Oauth2PermissionScopes:
        [
            new PermissionScope
            {
                Id = new Guid("41094075-9dad-400e-a0bd-54e686782033"),
                Value = "user_impersonation",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Access Azure Service Management as organization users (preview)",
                AdminConsentDescription = "Allows the application to access the Azure Management Service API acting as users in the organization.",
                UserConsentDisplayName = "Access Azure Service Management as you (preview)",
                UserConsentDescription = "Allows the application to access Azure Service Management as you.",
            },
        ],
        PortalName: "Azure Service Management");
}
