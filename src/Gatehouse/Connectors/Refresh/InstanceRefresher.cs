using System.Diagnostics;
using System.Security.Cryptography;
using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;
using Gatehouse.Connectors.Vault;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Connectors.Refresh;

/// <summary>
/// Refreshes one instance's tokens, single-flight across nodes: a lease taken by one conditional update with a
/// row-count check, then the instance re-read, because another node may have refreshed it meanwhile (Nango's lock
/// and re-read, docs/protocol/connectors.md §7). Refresh tokens rotate, so two refreshes with the same one would revoke
/// the grant.
/// </summary>
internal sealed partial class InstanceRefresher(
    IServiceScopeFactory scopes,
    ConnectorCatalog catalog,
    AuthorityClient authority,
    InstanceVault vault,
    HubSettings settings,
    TimeProvider clock,
    ILogger<InstanceRefresher> logger)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LeaseWait = TimeSpan.FromMilliseconds(100);
    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}/{RandomNumberGenerator.GetHexString(8, lowercase: true)}";

    public bool IsDue(HubInstance instance, DateTimeOffset now) =>
        instance.AccessTokenExpiresDateTime is not { } expires
        || expires - now <= settings.RefreshAhead
        || instance.LastRefreshDateTime is not { } last
        || now - last >= HubSettings.LongestWithoutRefresh;

    /// <param name="newSecret">With <see cref="RefreshReason.SecretRotation"/>: the secret to try instead of the stored one.</param>
    /// <param name="rejectedAccessToken">With <see cref="RefreshReason.Rejected"/>: the token the provider refused.</param>
    public async Task<RefreshOutcome> RefreshAsync(long id, RefreshReason reason, string? newSecret, string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        using var activity = HubActivities.Source.StartActivity("hub refresh");
        var outcome = await RefreshLeasedAsync(id, reason, newSecret, rejectedAccessToken, cancellationToken);
        if (activity is not null)
        {
            activity.SetTag("gatehouse.hub.instance", id);
            activity.SetTag("gatehouse.hub.refresh_reason", reason.ToString());
            if (outcome.Refusal is { } refusal)
            {
                activity.SetTag("gatehouse.hub.refusal", refusal.Code);
                activity.SetStatus(ActivityStatusCode.Error, refusal.Code);
            }
        }

        return outcome;
    }

    private async Task<RefreshOutcome> RefreshLeasedAsync(long id, RefreshReason reason, string? newSecret, string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        while (!await TryLeaseAsync(db, id, cancellationToken))
        {
            // Another node (or request) is refreshing: a background pass leaves it to them; a caller waits for its result.
            if (reason == RefreshReason.Due)
            {
                return new RefreshOutcome(null, null);
            }

            await Task.Delay(LeaseWait, clock, cancellationToken);
            var current = await db.HubInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
            if (current is null)
            {
                return new RefreshOutcome(null, null);
            }

            if (reason == RefreshReason.Rejected && current.LeaseExpiresDateTime is null && current.ProtectedAccessToken is not null
                && vault.Unprotect(current.ProtectedAccessToken) != rejectedAccessToken)
            {
                return new RefreshOutcome(current, null);
            }
        }

        var instance = await db.HubInstances.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null)
        {
            return new RefreshOutcome(null, null);
        }

        var now = clock.GetUtcNow();
        var stillNeeded = reason switch
        {
            RefreshReason.Due => !instance.Disabled && instance.State == InstanceState.Healthy && IsDue(instance, now),
            RefreshReason.Rejected => instance.State == InstanceState.Healthy && vault.Unprotect(instance.ProtectedAccessToken) is var current
                && (current is null || current == rejectedAccessToken || instance.AccessTokenExpiresDateTime <= now),
            _ => true,
        };
        if (!stillNeeded || catalog.Find(instance.ElementKey) is not { } connector || connector.ApiOf(instance) is not { } api)
        {
            ReleaseLease(instance);
            await db.SaveChangesAsync(CancellationToken.None);
            return new RefreshOutcome(instance, null);
        }

        var secret = newSecret ?? vault.Unprotect(instance.ProtectedApiSecret) ?? "";
        var app = new AppCredentials(instance.Tenant, instance.ApiKey, secret);
        var answer = instance.GrantType == InstanceGrant.ClientCredentials
            ? await authority.ClientCredentialsAsync(connector, app, CancellationToken.None, api.Resource)
            : await authority.RefreshAsync(connector, app, vault.Unprotect(instance.ProtectedRefreshToken) ?? "", instance.Scope, CancellationToken.None);
        now = clock.GetUtcNow();
        ReleaseLease(instance);
        if (answer.Succeeded)
        {
            var tokens = answer.Value;
            instance.ProtectedAccessToken = vault.Protect(tokens.AccessToken);
            if (tokens.RefreshToken is not null)
            {
                instance.ProtectedRefreshToken = vault.Protect(tokens.RefreshToken);
            }

            if (newSecret is not null)
            {
                instance.ProtectedApiSecret = vault.Protect(newSecret);
            }

            instance.AccessTokenExpiresDateTime = tokens.ExpiresDateTime;
            instance.LastRefreshDateTime = now;
            instance.RefreshCount++;
            instance.State = InstanceState.Healthy;
            instance.ProblemCode = null;
            instance.ProblemMessage = null;
            instance.UpdatedDateTime = now;
            HubEvents.Enqueue(db, instance, HubEventTypes.Refreshed, now);
            LogRefreshed(logger, instance.Id, reason);
        }
        else if (reason == RefreshReason.SecretRotation)
        {
            LogRotationRefused(logger, instance.Id, answer.Error.Code);
        }
        else
        {
            var refusal = answer.Error;
            instance.ProblemCode = refusal.Code;
            instance.ProblemMessage = refusal.Advice;
            instance.UpdatedDateTime = now;
            if (refusal.NeedsReAuthentication)
            {
                instance.State = InstanceState.NeedsReAuthentication;
                HubEvents.Enqueue(db, instance, HubEventTypes.NeedsReAuthentication, now, new { code = refusal.Code, message = refusal.Advice, providerMessage = refusal.ProviderMessage });
            }
            else
            {
                HubEvents.Enqueue(db, instance, HubEventTypes.RefreshFailed, now, new { code = refusal.Code, message = refusal.Advice, providerMessage = refusal.ProviderMessage });
            }

            LogRefreshRefused(logger, instance.Id, refusal.Code);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return new RefreshOutcome(instance, answer.Error);
    }

    private async Task<bool> TryLeaseAsync(GatehouseDb db, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + LeaseDuration;
        var taken = await db.HubInstances
            .Where(i => i.Id == id && (i.LeaseExpiresDateTime == null || i.LeaseExpiresDateTime < now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, node).SetProperty(i => i.LeaseExpiresDateTime, until), cancellationToken);
        return taken == 1;
    }

    private static void ReleaseLease(HubInstance instance)
    {
        instance.LeaseOwner = null;
        instance.LeaseExpiresDateTime = null;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Instance {InstanceId} refreshed its tokens ({Reason}).")]
    private static partial void LogRefreshed(ILogger logger, long instanceId, RefreshReason reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Instance {InstanceId} could not refresh: the authority answered {Code}.")]
    private static partial void LogRefreshRefused(ILogger logger, long instanceId, string code);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Instance {InstanceId} keeps its API secret: the authority refused the new one with {Code}.")]
    private static partial void LogRotationRefused(ILogger logger, long instanceId, string code);
}
