using Gatehouse.Data;

namespace Gatehouse.DirectoryObjects.Logs;

/// <summary>
/// Saves what <see cref="SignInLog"/> queues, once a second, in batches of up to <see cref="BatchSize"/>. When the server
/// stops, the listener has stopped taking requests first, and this saves what is still queued before it ends. On SQLite
/// the rows go through <see cref="SqliteSideConnection"/>, so that this node does not take its own log for a directory
/// change and drop its snapshots.
/// </summary>
internal sealed partial class SignInLogWriter(
    SignInLog log, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignInLogWriter> logger, SqliteSideConnection? sqlite = null) : BackgroundService
{
    public const int BatchSize = 500;

    /// <summary>How long an entry may wait in the queue before it is saved.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                // One save per interval however busy the server is: a save per entry would cost the token path a
                // transaction each, and on SQLite every commit also makes the other nodes drop their snapshots.
                await Task.Delay(FlushInterval, clock, stoppingToken);
                await SaveAllWaitingAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is saved below.
        }

        await SaveAllWaitingAsync();
    }

    private async Task SaveAllWaitingAsync()
    {
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
            if (sqlite is null)
            {
                await db.AppendAsync(batch, CancellationToken.None);
            }
            else
            {
                await sqlite.UseAsync((connection, ct) => db.AppendAsync(connection, batch, ct), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            LogSaveFailed(logger, batch.Count, e.GetType().Name);
        }
    }

    // The activity logs' events are 3001–3099.
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Count} sign-in log entries could not be saved ({Error}).")]
    private static partial void LogSaveFailed(ILogger logger, int count, string error);
}
