namespace Gatehouse.Portal.Applications;

/// <summary>What the Microsoft APIs tab says under each API's name, as Entra's tiles do.</summary>
internal static class MicrosoftApiTiles
{
    private static readonly Dictionary<Guid, string> Descriptions = new()
    {
        [new("00000003-0000-0000-c000-000000000000")] =
            "Take advantage of the data in Microsoft 365 to access users, groups, calendars, mail and more through a single endpoint.",
        [new("00000007-0000-0000-c000-000000000000")] = "Programmatic access to the data and functionality in Dynamics CRM (Dataverse).",
        [new("797f4846-ba00-4fd7-ba43-dac1f8f63013")] = "Programmatic access to much of the functionality available through the Azure portal.",
        [new("00000002-0000-0000-c000-000000000000")] = "The legacy Azure AD Graph API; use Microsoft Graph for new apps.",
        [new("74658136-14ec-4630-ad9b-26e160ff0fc6")] = "The Azure portal's own API, which the Azure CLI's admin consent calls.",
    };

    /// <summary>Microsoft Graph gets the wide tile at the top, as in Entra.</summary>
    public static readonly Guid MicrosoftGraph = new("00000003-0000-0000-c000-000000000000");

    public static string Describe(Guid appId) => Descriptions.GetValueOrDefault(appId, "");
}
