using Microsoft.Data.Sqlite;

namespace Gatehouse.Data;

/// <summary>
/// Notices writes by other connections (the CLI in another process, ExecuteDelete on this one) to a SQLite store:
/// PRAGMA data_version on <see cref="SqliteSideConnection"/> changes whenever another connection commits.
/// </summary>
internal sealed partial class SqliteChangeWatcher(SqliteSideConnection side, StoreChanges changes, TimeProvider clock, ILogger<SqliteChangeWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? last = null;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var version = await side.UseAsync(DataVersionAsync, stoppingToken);
                if (last is not null && version != last)
                {
                    changes.Publish();
                }

                last = version;
            }
            catch (SqliteException e)
            {
                LogPollFailed(logger, e.SqliteErrorCode);
                changes.Publish();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Polling the SQLite store for changes failed with error {ErrorCode}; caches were dropped.")]
    private static partial void LogPollFailed(ILogger logger, int errorCode);
}
