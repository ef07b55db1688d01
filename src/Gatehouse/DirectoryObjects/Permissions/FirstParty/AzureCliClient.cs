namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>
/// "Microsoft Azure CLI" (appId 04b07795-8ddb-461a-bbee-02f9e1bf7b46), the client `az login` signs users in as, and the
/// delegated scopes its tokens carry on Microsoft Graph, Resource Manager and the portal's API (docs/protocol/azure-cli.md §4).
/// </summary>
internal static class AzureCliClient
{
    public static FirstPartyClient Client { get; } = new(
        AppId: new Guid("04b07795-8ddb-461a-bbee-02f9e1bf7b46"),
        DisplayName: "Microsoft Azure CLI",
        PublicClientRedirectUris: ["http://localhost"],
        PreAuthorized:
        [
            new PreAuthorizedScopes(MicrosoftGraphApi.Api.AppId,
            [
                "Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "AuditLog.Read.All",
                "DelegatedPermissionGrant.ReadWrite.All", "Directory.AccessAsUser.All", "email", "Group.ReadWrite.All",
                "openid", "profile", "User.ReadWrite.All",
            ]),
            new PreAuthorizedScopes(AzureServiceManagementApi.Api.AppId, ["user_impersonation"]),
            new PreAuthorizedScopes(AzurePortalApi.Api.AppId, ["user_impersonation"]),
        ]);
}
