using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Every node, once an hour, deletes the sign-in and audit log entries older than the retention period. Deleting on
/// several nodes at once is harmless.
/// </summary>
internal sealed partial class LogRetentionSweep(LogRetention retention, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LogRetentionSweep> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogSwept(logger, deleted);
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - retention.Period;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.SignInLogs.Where(e => e.CreatedDateTime < before).ExecuteDeleteAsync(cancellationToken)
            + await db.DirectoryAudits.Where(e => e.ActivityDateTime < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Deleted {Deleted} log entries past their retention.")]
    private static partial void LogSwept(ILogger logger, int deleted);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "The log retention sweep failed ({Error}); it runs again within the hour.")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
