using System.Security.Cryptography;
using System.Text;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;
using Gatehouse.Connectors.Vault;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Connectors.Events;

/// <summary>
/// POSTs queued events to each instance's callback URL, signed with its key (HMAC-SHA256 of the body, base64, in
/// Elements-Webhook-Signature), retrying with exponential back-off; each attempt is recorded on the delivery.
/// </summary>
internal sealed partial class EventDeliveryService(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    InstanceVault vault,
    TimeProvider clock,
    ILogger<EventDeliveryService> logger) : BackgroundService
{
    public const string SignatureHeader = "Elements-Webhook-Signature";
    public const int MaximumAttempts = 6;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(1);

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromSeconds(Math.Pow(2, attempts));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e.GetType().Name);
            }
        }
    }

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var now = clock.GetUtcNow();
        var due = await db.HubEventDeliveries.AsNoTracking()
            .Where(d => d.NextAttemptDateTime != null && d.NextAttemptDateTime <= now)
            .OrderBy(d => d.Id).Take(20).ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            // Claim it, so that another node does not send it at the same time.
            var claimedUntil = now + Claim;
            var claimed = await db.HubEventDeliveries
                .Where(d => d.Id == delivery.Id && d.NextAttemptDateTime == delivery.NextAttemptDateTime)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptDateTime, claimedUntil), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var instance = await db.HubInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == delivery.InstanceId, cancellationToken);
            var result = instance?.EventCallbackUrl is null ? "no callback URL" : await SendAsync(instance, delivery, cancellationToken);
            var attempts = delivery.Attempts + 1;
            var sentAt = clock.GetUtcNow();
            var delivered = result.StartsWith('2');
            DateTimeOffset? next = delivered || attempts >= MaximumAttempts || instance?.EventCallbackUrl is null ? null : sentAt + BackOff(attempts);
            await db.HubEventDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.LastResult, result)
                .SetProperty(d => d.LastAttemptDateTime, sentAt)
                .SetProperty(d => d.NextAttemptDateTime, next)
                .SetProperty(d => d.DeliveredDateTime, delivered ? sentAt : null), cancellationToken);
        }
    }

    private async Task<string> SendAsync(HubInstance instance, HubEventDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, instance.EventCallbackUrl)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Elements-Event-Type", delivery.EventType);
        if (vault.Unprotect(instance.ProtectedEventSignatureKey) is { } key)
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(delivery.Payload));
            request.Headers.TryAddWithoutValidation(SignatureHeader, Convert.ToBase64String(signature));
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await httpClients.CreateClient(AuthorityClient.HttpClientName).SendAsync(request, timeout.Token);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            return $"not delivered: {e.HttpRequestError}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "not delivered: timed out";
        }
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning, Message = "An event delivery pass failed ({Reason}); the next pass tries again.")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
