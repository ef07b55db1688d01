using Npgsql;

namespace Gatehouse.Data;

/// <summary>
/// Hears every write to the directory on a shared PostgreSQL store, from any node or CLI: the migrations put a
/// statement trigger on each directory table that sends NOTIFY gatehouse_changes at commit.
/// </summary>
internal sealed partial class PostgresChangeListener(StoreSettings settings, StoreChanges changes, TimeProvider clock, ILogger<PostgresChangeListener> logger)
    : BackgroundService
{
    public const string Channel = "gatehouse_changes";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => changes.Publish();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything may have changed while we were not listening.
                changes.Publish();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            // Whatever broke the connection (PostgreSQL stopped, restarting, a network cut), listening must not end the
            // server: an exception escaping here would stop the host.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, e.Message);
                changes.Publish();
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Listening for store changes failed ({Reason}); retrying.")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}
