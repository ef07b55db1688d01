using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Issuance;

/// <summary>
/// Every node, once an hour, deletes the refresh tokens past their 90-day expiry, so that the store holds only tokens
/// that can still be used or whose reuse still means something. Deleting on several nodes at once is harmless.
/// </summary>
internal sealed partial class ExpiredRefreshTokenSweep(RefreshTokens refreshTokens, TimeProvider clock, ILogger<ExpiredRefreshTokenSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await refreshTokens.DeleteExpiredAsync(stoppingToken);
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

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Deleted {Deleted} expired refresh tokens.")]
    private static partial void LogSwept(ILogger logger, int deleted);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "The expired refresh token sweep failed ({Error}); it runs again within the hour.")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
