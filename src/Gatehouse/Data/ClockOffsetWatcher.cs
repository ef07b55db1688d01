namespace Gatehouse.Data;

/// <summary>
/// Keeps this node on the store's clock offset when another node or a CLI run moves it: whenever
/// <see cref="StoreChanges"/> moves (the change watcher saw a write), the offset is read again. Runs only with
/// --allow-clock-offset.
/// </summary>
internal sealed partial class ClockOffsetWatcher(IServiceScopeFactory scopes, StoreChanges changes, TimeProvider clock, ILogger<ClockOffsetWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = changes.Generation;
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var current = changes.Generation;
            if (current == seen)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ClockOffsets>().RefreshAsync(stoppingToken);
                seen = current;
            }
            // Whatever the store answered, the server must not stop for it: the next change tries again.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogReadFailed(logger, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Reading the store's clock offset failed ({Reason}); retrying.")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
