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

    /// <summary>Runs <paramref name="run"/> once per store, each on its own scratch store; 1 if any run failed.</summary>
    public static async Task<int> RunEachAsync(IEnumerable<StoreChoice> stores, Func<StoreChoice, Task<bool>> run)
    {
        var failed = false;
        foreach (var store in stores)
        {
            try
            {
                await using var scratch = Create(store);
                failed |= !await run(scratch.Store);
            }
            catch (BenchException e)
            {
                await Console.Error.WriteLineAsync($"{store.Kind}: {e.Message}");
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

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
