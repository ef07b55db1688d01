using Gatehouse.DirectoryObjects.Permissions.FirstParty;

namespace Gatehouse.Arm;

/// <summary>Resource Manager as a resource: the audiences its tokens carry, the Service Management API's names.</summary>
internal static class ArmApi
{
    public static readonly IReadOnlyList<string> Audiences =
        [.. AzureServiceManagementApi.Api.ServicePrincipalNames.Where(name => name.StartsWith("https://", StringComparison.Ordinal)),
         AzureServiceManagementApi.Api.AppId.ToString()];
}
