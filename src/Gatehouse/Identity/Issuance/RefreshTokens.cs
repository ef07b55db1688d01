using System.Buffers.Text;
using System.Security.Cryptography;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Issuance;

/// <summary>Issues, rotates and revokes refresh tokens; each rotation is one conditional update, so a token is used once on any node.</summary>
internal sealed partial class RefreshTokens(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RefreshTokens> logger)
{
    /// <summary>
    /// Stores the hash of a new token of the family (a new family when <paramref name="familyId"/> is null) and returns
    /// the token. A single-page app's lives until <paramref name="spaDeadline"/>, the first one's a day.
    /// </summary>
    public async Task<string> IssueAsync(
        RefreshToken template, Guid? familyId, string? authorizationCodeHash, DateTimeOffset? spaDeadline, CancellationToken cancellationToken)
    {
        var value = "1." + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));
        var now = clock.StoreNow();
        var token = new RefreshToken
        {
            TokenHash = StoredHash.Of(value),
            FamilyId = familyId ?? Guid.NewGuid(),
            AuthorizationCodeHash = authorizationCodeHash,
            TenantId = template.TenantId,
            ClientId = template.ClientId,
            UserId = template.UserId,
            ResourceAppId = template.ResourceAppId,
            Scope = template.Scope,
            IsPublicClient = template.IsPublicClient,
            SessionId = template.SessionId,
            SpaOrigin = template.SpaOrigin,
            CreatedDateTime = now,
            ExpiresDateTime = template.SpaOrigin is null ? now + RefreshToken.Lifetime : spaDeadline ?? now + RefreshToken.SpaLifetime,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        db.RefreshTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return value;
    }

    /// <summary>
    /// Marks the token used if it is current (not used, not revoked, not expired); exactly one caller wins. A loser
    /// that presented a used token revokes the whole family.
    /// </summary>
    public async Task<(RefreshToken? Token, RefreshOutcome Outcome)> RotateAsync(string value, CancellationToken cancellationToken)
    {
        var hash = StoredHash.Of(value);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var rows = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && !t.Used && !t.Revoked && t.ExpiresDateTime > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Used, true), cancellationToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return (null, RefreshOutcome.Unknown);
        }

        if (rows == 1)
        {
            return (token, RefreshOutcome.Rotated);
        }

        if (token.Revoked)
        {
            return (token, RefreshOutcome.Revoked);
        }

        if (token.Used)
        {
            var revoked = await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Revoked, true), cancellationToken);
            LogFamilyRevoked(token.FamilyId, token.ClientId, revoked);
            return (token, RefreshOutcome.Revoked);
        }

        return (token, RefreshOutcome.Expired);
    }

    /// <summary>The token as stored, read without rotating it; null when unknown.</summary>
    public async Task<RefreshToken?> FindAsync(string value, CancellationToken cancellationToken)
    {
        var hash = StoredHash.Of(value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    /// <summary>A code redeemed a second time: whatever the first redemption issued is revoked (RFC 6749 §4.1.2).</summary>
    public async Task RevokeIssuedFromCodeAsync(string authorizationCodeHash, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var families = db.RefreshTokens.Where(t => t.AuthorizationCodeHash == authorizationCodeHash).Select(t => t.FamilyId);
        var revoked = await db.RefreshTokens.Where(t => families.Contains(t.FamilyId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Revoked, true), cancellationToken);
        LogCodeReplayed(revoked);
    }

    /// <summary>
    /// Deletes the tokens past their expiry, which no request can use any more (a used one presented again then reads
    /// as unknown instead of revoking a family whose every token has expired too). Returns how many.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.RefreshTokens.Where(t => t.ExpiresDateTime <= now).ExecuteDeleteAsync(cancellationToken);
    }

    // Identity's log events are 2001–2099. IDs only, never token values.
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "A rotated refresh token of family {FamilyId} (client {ClientId}) was presented again; {Revoked} tokens of the family were revoked.")]
    private partial void LogFamilyRevoked(Guid familyId, Guid clientId, int revoked);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "An authorization code was presented after its redemption; {Revoked} refresh tokens issued on it were revoked.")]
    private partial void LogCodeReplayed(int revoked);
}

internal enum RefreshOutcome
{
    Unknown,
    Rotated,
    Revoked,
    Expired,
}
