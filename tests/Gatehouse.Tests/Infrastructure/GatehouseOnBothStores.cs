namespace Gatehouse.Tests.Infrastructure;

/// <summary>Two real servers for one test class, one over SQLite and one over PostgreSQL, picked by a theory's store name.</summary>
public sealed class GatehouseOnBothStores : IAsyncLifetime
{
    private readonly Dictionary<string, TokenServiceFixture> servers = new()
    {
        ["sqlite"] = new TokenServiceFixture(TestStore.Sqlite()),
        ["postgres"] = new TokenServiceFixture(TestStore.Postgres()),
    };

    public TokenServiceFixture this[string store] => servers[store];

    // One after the other: two first starts at once, beside the rest of the suite, can outlast the start timeout.
    public async ValueTask InitializeAsync()
    {
        foreach (var server in servers.Values)
        {
            await server.InitializeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
