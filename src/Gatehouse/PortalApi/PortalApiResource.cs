using Gatehouse.DirectoryObjects.Permissions.FirstParty;

namespace Gatehouse.PortalApi;

/// <summary>The Azure portal's API as a resource: the audiences its tokens carry, ADIbizaUX's names.</summary>
internal static class PortalApiResource
{
    public static IReadOnlyList<string> Audiences => AzurePortalApi.Api.ServicePrincipalNames;
}
