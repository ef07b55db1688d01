using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.Identity.Protocol;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Keys;

/// <summary>
/// The token-signing keys: the newest signs; a key replaced by <see cref="RotateAsync"/> stays published until every
/// token it could have signed has expired. Read once per store change, shared by every request.
/// </summary>
internal sealed class SigningKeyRing(IServiceScopeFactory scopes, StoreChanges changes, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    /// <summary>The longest-lived token signed (90 minutes) plus the clock skew validators allow.</summary>
    public static readonly TimeSpan PublishedAfterRetirement = TimeSpan.FromMinutes(95);

    private const string Purpose = "Gatehouse.Identity.SigningKeys";
    private readonly SnapshotCache<string, KeyRing> cache = new(changes);

    /// <summary>The key that signs now.</summary>
    public async Task<SigningKeyMaterial> GetActiveAsync(CancellationToken cancellationToken) =>
        (await GetRingAsync(cancellationToken)).Active;

    /// <summary>The keys the JWKS lists: the active one and those retired less than <see cref="PublishedAfterRetirement"/> ago.</summary>
    public async Task<IReadOnlyList<SigningKeyMaterial>> GetPublishedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await GetRingAsync(cancellationToken)).All.Where(k => k.RetiredDateTime is null || k.RetiredDateTime + PublishedAfterRetirement > now)];
    }

    /// <summary>Makes the first key when the store has none (first start).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        if (!await db.SigningKeys.AnyAsync(cancellationToken))
        {
            db.SigningKeys.Add(NewKey());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Adds a new signing key and retires the current ones, which stay published while their tokens live.</summary>
    public async Task<SigningKey> RotateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var now = clock.StoreNow();
        foreach (var current in await db.SigningKeys.Where(k => k.RetiredDateTime == null).ToListAsync(cancellationToken))
        {
            current.RetiredDateTime = now;
        }

        var key = NewKey();
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        return await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedDateTime).ToListAsync(cancellationToken);
    }

    private async Task<KeyRing> GetRingAsync(CancellationToken cancellationToken) =>
        await cache.GetAsync("ring", this, static (_, ring, ct) => ring.LoadAsync(ct), cancellationToken)
        ?? throw new InvalidOperationException("The store holds no signing key; the server creates one at start.");

    private async Task<KeyRing?> LoadAsync(CancellationToken cancellationToken)
    {
        var keys = await ListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            return null;
        }

        var protector = dataProtection.CreateProtector(Purpose);
        var materials = keys.Select(key =>
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(protector.Unprotect(key.ProtectedPrivateKey), out _);
            return new SigningKeyMaterial(key, rsa);
        }).ToList();
        var active = materials.Where(m => m.RetiredDateTime is null).MaxBy(m => m.CreatedDateTime) ?? materials[0];
        return new KeyRing(active, materials);
    }

    private SigningKey NewKey()
    {
        using var rsa = RSA.Create(2048);
        var now = clock.GetUtcNow();
        var request = new CertificateRequest("CN=Gatehouse token signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        return new SigningKey
        {
            Kid = Thumbprints.X5t(certificate.RawData),
            Certificate = certificate.RawData,
            ProtectedPrivateKey = dataProtection.CreateProtector(Purpose).Protect(rsa.ExportPkcs8PrivateKey()),
            CreatedDateTime = StoreClock.ToStoreResolution(now),
        };
    }

    private sealed record KeyRing(SigningKeyMaterial Active, IReadOnlyList<SigningKeyMaterial> All);
}
