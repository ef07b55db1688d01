using System.Buffers.Text;
using System.Security.Cryptography;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Issuance;

/// <summary>
/// Issues device and user codes and moves each authorization through pending → approved or declined → redeemed,
/// every step one conditional update, so that a user code is used once and a device code redeemed once on any node.
/// </summary>
internal sealed class DeviceAuthorizations(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Entra's expires_in: the person has 15 minutes to sign in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Entra's interval, in seconds: how long the device waits between polls.</summary>
    public const int IntervalSeconds = 5;

    public const int UserCodeLength = 9;

    // A poll this long after the last one is on time: a client waiting the interval after each answer is never told to
    // slow down (MSAL.NET treats slow_down as final).
    private static readonly TimeSpan OnTimeAfter = TimeSpan.FromSeconds(IntervalSeconds - 1);

    // No vowels (no words spelled by chance) and none of 0/O, 1/I/L: read off one screen, typed on another.
    private const string UserCodeAlphabet = "BCDFGHJKMNPQRSTVWXZ23456789";

    /// <summary>Stores the hashes of a new device code and user code and returns both, which exist nowhere else.</summary>
    public async Task<(string DeviceCode, string UserCode)> IssueAsync(DeviceAuthorization authorization, CancellationToken cancellationToken)
    {
        var deviceCode = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));
        var userCode = RandomNumberGenerator.GetString(UserCodeAlphabet, UserCodeLength);
        var now = clock.StoreNow();
        authorization.DeviceCodeHash = StoredHash.Of(deviceCode);
        authorization.UserCodeHash = HashUserCode(userCode);
        authorization.Status = DeviceAuthorizationStatus.Pending;
        authorization.CreatedDateTime = now;
        authorization.ExpiresDateTime = now + Lifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        await db.DeviceAuthorizations.Where(d => d.ExpiresDateTime < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
        db.DeviceAuthorizations.Add(authorization);
        await db.SaveChangesAsync(cancellationToken);
        return (deviceCode, userCode);
    }

    /// <summary>The pending, unexpired authorization a typed user code stands for.</summary>
    public async Task<DeviceAuthorization?> FindPendingAsync(string userCode, CancellationToken cancellationToken)
    {
        var hash = HashUserCode(userCode);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.DeviceAuthorizations.AsNoTracking()
            .FirstOrDefaultAsync(d => d.UserCodeHash == hash && d.Status == DeviceAuthorizationStatus.Pending && d.ExpiresDateTime > now, cancellationToken);
    }

    /// <summary>
    /// The person approved: the device's next poll gets tokens for them, in their tenant, with this scope. False if no
    /// longer pending.
    /// </summary>
    public Task<bool> ApproveAsync(string userCode, Guid tenantId, Guid userId, string scope, CancellationToken cancellationToken) =>
        SettleAsync(userCode, DeviceAuthorizationStatus.Approved, (tenantId, userId), scope, cancellationToken);

    public Task<bool> DeclineAsync(string userCode, CancellationToken cancellationToken) =>
        SettleAsync(userCode, DeviceAuthorizationStatus.Declined, null, null, cancellationToken);

    /// <summary>The tenant a device code is in (<see cref="DeviceAuthorization.AnyTenant"/> until approved on an alias); null for an unknown code.</summary>
    public async Task<Guid?> TenantOfAsync(string deviceCode, CancellationToken cancellationToken)
    {
        var hash = StoredHash.Of(deviceCode);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.DeviceAuthorizations.AsNoTracking().Where(d => d.DeviceCodeHash == hash).Select(d => (Guid?)d.TenantId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The device asks (RFC 8628 §3.4–3.5): an approved authorization is redeemed by exactly one poll, of the client it
    /// was issued to in its tenant (any tenant for a poll on an alias); another client's poll changes nothing and hears
    /// the code is unknown.
    /// </summary>
    public async Task<(DeviceAuthorization? Authorization, DevicePoll Outcome)> PollAsync(
        string deviceCode, Guid? tenantId, Guid clientId, CancellationToken cancellationToken)
    {
        var hash = StoredHash.Of(deviceCode);
        var now = clock.StoreNow();
        var onTimeSince = now - OnTimeAfter;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var presented = db.DeviceAuthorizations.Where(d => d.DeviceCodeHash == hash && (tenantId == null || d.TenantId == tenantId) && d.ClientId == clientId);
        var redeemed = await presented
            .Where(d => d.Status == DeviceAuthorizationStatus.Approved && d.ExpiresDateTime > now)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeviceAuthorizationStatus.Redeemed), cancellationToken);
        var onTime = redeemed == 0 && await presented
            .Where(d => d.Status == DeviceAuthorizationStatus.Pending && d.ExpiresDateTime > now
                && (d.LastPolledDateTime == null || d.LastPolledDateTime <= onTimeSince))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastPolledDateTime, now), cancellationToken) == 1;
        var authorization = await presented.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (authorization is null)
        {
            return (null, DevicePoll.Unknown);
        }

        if (redeemed == 1)
        {
            return (authorization, DevicePoll.Approved);
        }

        if (authorization.ExpiresDateTime <= now)
        {
            return (authorization, DevicePoll.Expired);
        }

        return authorization.Status switch
        {
            DeviceAuthorizationStatus.Pending => (authorization, onTime ? DevicePoll.Pending : DevicePoll.SlowDown),
            DeviceAuthorizationStatus.Declined => (authorization, DevicePoll.Declined),
            _ => (authorization, DevicePoll.AlreadyRedeemed),
        };
    }

    /// <summary>Users type codes in any case and with the separators they see; the hash is of the code itself.</summary>
    public static string HashUserCode(string typed) =>
        StoredHash.Of(new string([.. typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]));

    private async Task<bool> SettleAsync(string userCode, DeviceAuthorizationStatus status, (Guid TenantId, Guid Id)? approver, string? tokenScope, CancellationToken cancellationToken)
    {
        var hash = HashUserCode(userCode);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var query = db.DeviceAuthorizations.Where(d => d.UserCodeHash == hash && d.Status == DeviceAuthorizationStatus.Pending && d.ExpiresDateTime > now);
        var rows = approver is not { } user || tokenScope is null
            ? await query.ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, status), cancellationToken)
            : await query.ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Status, status).SetProperty(d => d.TenantId, user.TenantId).SetProperty(d => d.UserId, user.Id)
                    .SetProperty(d => d.Scope, tokenScope),
                cancellationToken);
        return rows == 1;
    }
}

internal enum DevicePoll
{
    Unknown,
    Pending,
    SlowDown,
    Approved,
    Declined,
    Expired,
    AlreadyRedeemed,
}
