using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Graph;

/// <summary>
/// The Graph test classes share one server per store (each test makes its own apps and users): starting two servers
/// per class would put a dozen starts at once on a busy machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GraphServers : ICollectionFixture<GatehouseOnBothStores>
{
    public const string Name = "Graph servers";
}
