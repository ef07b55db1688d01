using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gatehouse.Tests.Data;

/// <summary>
/// On PostgreSQL, a write to a table the token service's snapshots read tells every node (NOTIFY gatehouse_changes),
/// and a save on this node drops its own snapshots (StoreChangeInterceptor): both watch the same tables.
/// </summary>
public sealed class ChangeNotificationTests
{
    [Fact]
    public async Task Change_notification_triggers_watch_exactly_the_snapshot_tables()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Postgres();
        await using (var db = StoreDb.Open(store))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var watched = new List<string>();
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'gatehouse_changes'", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            watched.Add(reader.GetString(0));
        }

        Assert.Equal(StoreChangeInterceptor.SnapshotTables.Order(StringComparer.Ordinal), watched.Order(StringComparer.Ordinal));
    }
}
