namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// A real server per store for one test class, one over SQLite and one over PostgreSQL, picked by a theory's store
/// name and started on first use: a run of only the SQLite rows (--filter Store!=postgres) never needs PostgreSQL.
/// </summary>
public sealed class GatehouseOnBothStores : IAsyncLifetime
{
    private readonly Dictionary<string, Lazy<Task<TokenServiceFixture>>> servers = new()
    {
        [StoreTrait.Sqlite] = new(() => TokenServiceFixture.StartAsync(TestStore.Migrated(StoreTrait.Sqlite))),
        [StoreTrait.Postgres] = new(() => TokenServiceFixture.StartAsync(TestStore.Migrated(StoreTrait.Postgres))),
    };

    /// <summary>The server over <paramref name="store"/>, started if it was not.</summary>
    public Task<TokenServiceFixture> OnAsync(string store) => servers[store].Value;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // A server that failed to start has failed its tests already.
        foreach (var server in servers.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            await (await server.Value).DisposeAsync();
        }
    }
}
