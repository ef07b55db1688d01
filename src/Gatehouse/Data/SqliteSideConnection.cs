using Microsoft.Data.Sqlite;

namespace Gatehouse.Data;

/// <summary>
/// One long-lived connection to a SQLite store, used by one caller at a time: <see cref="SqliteChangeWatcher"/> polls
/// PRAGMA data_version on it, and the sign-in log is appended through it. data_version moves only for commits made by
/// other connections, so this node's own log writes (a batch a second under load) do not make it drop every snapshot
/// cache, while directory writes, which go through the context pool, are noticed as before.
/// </summary>
internal sealed class SqliteSideConnection(StoreSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private SqliteConnection? connection;

    public Task UseAsync(Func<SqliteConnection, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        UseAsync(
            async (connection, ct) =>
            {
                await work(connection, ct);
                return true;
            },
            cancellationToken);

    public async Task<T> UseAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (connection is null)
            {
                var opening = new SqliteConnection(settings.ConnectionString);
                await opening.OpenAsync(cancellationToken);
                connection = opening;
            }

            return await work(connection, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        turn.Dispose();
    }
}
