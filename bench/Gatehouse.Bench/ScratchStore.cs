using Npgsql;

namespace Gatehouse.Bench;

/// <summary>
/// The store a run uses: SQLite in the server's fresh data folder, or a fresh PostgreSQL database on the given server
/// (named gh_bench_…, made by the server's migrations at start and dropped afterwards).
/// </summary>
internal sealed class ScratchStore : IAsyncDisposable
{
    private readonly string? serverConnectionString;
    private readonly string? database;

    private ScratchStore(StoreChoice store, string? serverConnectionString, string? database)
    {
        Store = store;
        this.serverConnectionString = serverConnectionString;
        this.database = database;
    }

    public StoreChoice Store { get; }

    public static ScratchStore Create(StoreChoice store)
    {
        if (store.Kind != StoreChoice.Postgres)
        {
            return new ScratchStore(store, null, null);
        }

        var database = $"gh_bench_{Guid.NewGuid():N}";
        var scratch = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Database = database };
        return new ScratchStore(new StoreChoice(StoreChoice.Postgres, scratch.ConnectionString), store.ConnectionString, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (database is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
