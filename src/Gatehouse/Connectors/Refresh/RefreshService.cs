using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Instances;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Connectors.Refresh;

/// <summary>
/// Every node looks, each poll interval, for instances whose access token is near expiry or a day old and refreshes
/// them (the lease makes one node do each), and raises the secret-expiring event once per secret.
/// </summary>
internal sealed partial class RefreshService(
    IServiceScopeFactory scopes,
    InstanceRefresher refresher,
    HubSettings settings,
    TimeProvider clock,
    ILogger<RefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.RefreshPoll, clock);
        do
        {
            try
            {
                await RefreshDueAsync(stoppingToken);
                await WarnOfExpiringSecretsAsync(stoppingToken);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueBy = now + settings.RefreshAhead;
        var staleBefore = now - HubSettings.LongestWithoutRefresh;
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<GatehouseDb>().HubInstances
                .Where(i => !i.Disabled && i.State == InstanceState.Healthy
                    && (i.AccessTokenExpiresDateTime == null || i.AccessTokenExpiresDateTime <= dueBy
                        || i.LastRefreshDateTime == null || i.LastRefreshDateTime <= staleBefore)
                    && (i.LeaseExpiresDateTime == null || i.LeaseExpiresDateTime < now))
                .Select(i => i.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await refresher.RefreshAsync(id, RefreshReason.Due, null, null, cancellationToken);
        }
    }

    private async Task WarnOfExpiringSecretsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var warnBy = now + settings.SecretExpiryWindow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var expiring = await db.HubInstances
            .Where(i => !i.Disabled && i.EventsEnabled && i.SecretExpiryNotifiedDateTime == null && i.ApiSecretExpiresDateTime <= warnBy)
            .ToListAsync(cancellationToken);
        foreach (var instance in expiring)
        {
            // One node wins the right to raise the event: a conditional update with a row-count check.
            var claimed = await db.HubInstances.Where(i => i.Id == instance.Id && i.SecretExpiryNotifiedDateTime == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.SecretExpiryNotifiedDateTime, now), cancellationToken);
            if (claimed == 1)
            {
                HubEvents.Enqueue(db, instance, HubEventTypes.SecretExpiring, now, new { apiSecretExpires = instance.ApiSecretExpiresDateTime });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "A refresh pass failed ({Reason}); the next pass tries again.")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
