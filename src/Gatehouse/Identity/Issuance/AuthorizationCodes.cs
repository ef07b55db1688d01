using System.Buffers.Text;
using System.Security.Cryptography;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Issuance;

/// <summary>Issues authorization codes and redeems each at most once, on any node (one conditional update).</summary>
internal sealed class AuthorizationCodes(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>RFC 6749 §4.1.2 recommends at most 10 minutes; Entra uses 10.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Stores the code's hash and returns the code, which exists nowhere else.</summary>
    public async Task<string> IssueAsync(AuthorizationCode code, CancellationToken cancellationToken)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.StoreNow();
        code.CodeHash = StoredHash.Of(value);
        code.CreatedDateTime = now;
        code.ExpiresDateTime = now + Lifetime;
        code.Redeemed = false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        await db.AuthorizationCodes.Where(c => c.ExpiresDateTime < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
        db.AuthorizationCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        return value;
    }

    /// <summary>
    /// Marks the code redeemed if it was issued to this client and is neither redeemed nor expired; exactly one caller
    /// wins, and another client's attempt leaves it as it was. The code is returned either way (null when unknown) so
    /// that the caller can say why it was refused.
    /// </summary>
    public async Task<(AuthorizationCode? Code, bool Won)> RedeemAsync(string value, Guid clientId, CancellationToken cancellationToken)
    {
        var hash = StoredHash.Of(value);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var rows = await db.AuthorizationCodes
            .Where(c => c.CodeHash == hash && c.ClientId == clientId && !c.Redeemed && c.ExpiresDateTime > now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Redeemed, true), cancellationToken);
        var code = await db.AuthorizationCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        return (code, rows == 1);
    }

    /// <summary>The tenant the code was issued in, read without redeeming it; null when unknown.</summary>
    public async Task<Guid?> TenantOfAsync(string value, CancellationToken cancellationToken)
    {
        var hash = StoredHash.Of(value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.AuthorizationCodes.AsNoTracking().Where(c => c.CodeHash == hash).Select(c => (Guid?)c.TenantId).FirstOrDefaultAsync(cancellationToken);
    }
}
