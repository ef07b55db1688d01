namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>The first-party client applications every tenant has, and every first-party service principal a tenant is given.</summary>
internal static class FirstPartyClients
{
    public static IReadOnlyList<FirstPartyClient> All { get; } = [AzureCliClient.Client];

    public static FirstPartyClient? FindByAppId(Guid appId) => All.FirstOrDefault(client => client.AppId == appId);

    /// <summary>The service principals of the first-party APIs and clients, by appId and name.</summary>
    public static IReadOnlyList<(Guid AppId, string DisplayName)> ServicePrincipals { get; } =
        [.. FirstPartyApis.All.Select(api => (api.AppId, api.DisplayName)), .. All.Select(client => (client.AppId, client.DisplayName))];

    /// <summary>Whether a service principal is one of Microsoft's that every tenant keeps.</summary>
    public static bool IsFirstParty(Guid appId) => ServicePrincipals.Any(sp => sp.AppId == appId);
}
