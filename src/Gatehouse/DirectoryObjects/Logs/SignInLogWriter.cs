using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Saves what <see cref="SignInLog"/> queues, as many entries as are waiting (up to a batch) per save. When the server
/// stops, the listener has stopped taking requests first, and this saves what is still queued before it ends.
/// </summary>
internal sealed partial class SignInLogWriter(SignInLog log, IServiceScopeFactory scopes, ILogger<SignInLogWriter> logger) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                await SaveWaitingAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is saved below.
        }

        while (log.Reader.TryPeek(out _))
        {
            await SaveWaitingAsync();
        }
    }

    private async Task SaveWaitingAsync()
    {
        var batch = new List<SignInLogEntry>(BatchSize);
        while (batch.Count < BatchSize && log.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.InsertInBatchesAsync(batch, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            LogSaveFailed(logger, batch.Count, e.GetType().Name);
        }
    }

    // The activity logs' events are 3001–3099.
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Count} sign-in log entries could not be saved ({Error}).")]
    private static partial void LogSaveFailed(ILogger logger, int count, string error);
}
