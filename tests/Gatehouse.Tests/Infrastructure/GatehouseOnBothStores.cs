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

    public async ValueTask InitializeAsync() =>
        await Task.WhenAll(servers.Values.Select(server => server.InitializeAsync().AsTask()));

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
