using Gatehouse.DirectoryObjects.Permissions.FirstParty;

namespace Gatehouse.Graph;

/// <summary>Microsoft Graph as a resource: the audiences its tokens carry (README.md, "Microsoft Graph").</summary>
internal static class GraphApi
{
    public static readonly string AppId = MicrosoftGraphApi.Api.AppId.ToString();

    /// <summary>v1.0 tokens name the resource as it was asked for; delegated and v2.0 tokens carry the appId.</summary>
    public static readonly IReadOnlyList<string> Audiences = ["https://graph.microsoft.com", "https://graph.microsoft.com/", AppId];
}
