using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Logs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Tests.Data;

/// <summary>
/// On SQLite a node learns of other connections' commits from PRAGMA data_version. Its own sign-in log goes through the
/// connection the watcher polls, so a busy token service does not make it drop its snapshots every second, while a
/// directory write from anywhere else still does.
/// </summary>
public sealed class SqliteChangeWatcherTests
{
    private static readonly TimeSpan SeveralPolls = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_nodes_own_sign_in_log_is_not_taken_for_a_change_and_another_connections_commit_is()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Sqlite();
        Directory.CreateDirectory(store.DataFolder);
        await using var db = StoreDb.Open(store);
        await db.Database.MigrateAsync(cancellationToken);
        var changes = new StoreChanges();
        await using var side = new SqliteSideConnection(store.Settings);
        using var watcher = new SqliteChangeWatcher(side, changes, TimeProvider.System, NullLogger<SqliteChangeWatcher>.Instance);
        await watcher.StartAsync(cancellationToken);
        await Task.Delay(SeveralPolls, cancellationToken);

        var entries = Enumerable.Range(0, 50).Select(i => new SignInLogEntry
        {
            TenantId = Guid.NewGuid(),
            CreatedDateTime = TimeProvider.System.GetUtcNow(),
            AppId = $"app-{i}",
        }).ToList();
        await side.UseAsync((connection, ct) => db.AppendAsync(connection, entries, ct), cancellationToken);
        await Task.Delay(SeveralPolls, cancellationToken);
        var afterOwnLog = changes.Generation;

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SignInLogs\" WHERE \"AppId\" = 'app-0'", cancellationToken);
        for (var waited = 0; changes.Generation == afterOwnLog && waited < 200; waited++)
        {
            await Task.Delay(50, cancellationToken);
        }

        await watcher.StopAsync(cancellationToken);
        Assert.Equal(0, afterOwnLog);
        Assert.NotEqual(afterOwnLog, changes.Generation);
        Assert.Equal(entries.Count - 1, await db.SignInLogs.CountAsync(cancellationToken));
    }
}
