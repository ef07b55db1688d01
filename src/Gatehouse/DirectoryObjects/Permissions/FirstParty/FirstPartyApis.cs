namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>The first-party APIs provisioned in every tenant.</summary>
internal static class FirstPartyApis
{
    public static IReadOnlyList<FirstPartyApi> All { get; } =
        [MicrosoftGraphApi.Api, AzureAdGraphApi.Api, DynamicsCrmApi.Api, AzureServiceManagementApi.Api, AzurePortalApi.Api];

    public static FirstPartyApi? FindByAppId(Guid appId) => All.FirstOrDefault(api => api.AppId == appId);
}
