using Gatehouse.Connectors.Instances;

namespace Gatehouse.Portal.Connectors;

/// <summary>One connector instance as the portal lists it, with the app registration it authenticates as.</summary>
/// <param name="State">What the hub reports: healthy, refreshing, needs re-authentication or disabled.</param>
/// <param name="SecretExpires">When the API secret (the app's client secret the instance uses) ends, if known.</param>
/// <param name="SecretExpirySource">Where that date comes from: the instance's configuration, Graph, or the app registration.</param>
internal sealed record ConnectorInstanceRow(
    HubInstance Instance, string Provider, string State, Guid AppObjectId, string AppName, DateTimeOffset? SecretExpires, string? SecretExpirySource)
{
    public long Id => Instance.Id;

    public string Name => Instance.Name;

    /// <summary>The state as a CSS class name: needs-re-authentication.</summary>
    public string StateClass => State.Replace(' ', '-');
}
