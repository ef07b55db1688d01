namespace Gatehouse.Connectors.Providers;

/// <summary>The elements this hub offers, built from the hub's settings.</summary>
internal sealed class ConnectorCatalog(HubSettings settings)
{
    private readonly IReadOnlyList<Connector> connectors = [Office365Connector.Create(settings), Dynamics365Connector.Create(settings)];

    public IReadOnlyList<Connector> All => connectors;

    public Connector? Find(string key) => connectors.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}
