using Gatehouse.Data;

namespace Gatehouse.Connectors.Vault;

/// <summary>
/// The rows whose hub secret (organization, user, instance token) starts with a presented secret's lookup, kept until
/// <see cref="StoreChanges"/> moves, so that a warm hub call reads nothing from the store; the presented secret is
/// still checked against each kept hash on every call.
/// </summary>
internal sealed class SecretRows<T>(StoreChanges changes, Func<T, byte[]> salt, Func<T, byte[]> hash)
    where T : class
{
    private readonly SnapshotCache<string, T[]> cache = new(changes);

    /// <param name="load">Reads the rows with a lookup from the store, when they are not kept.</param>
    public async Task<T?> FindAsync(string secret, Func<string, CancellationToken, Task<List<T>>> load, CancellationToken cancellationToken)
    {
        var rows = await cache.GetAsync(HashedSecret.LookupOf(secret), load, LoadAsync, cancellationToken);
        return rows?.FirstOrDefault(row => HashedSecret.Matches(salt(row), hash(row), secret));
    }

    private static async Task<T[]?> LoadAsync(string lookup, Func<string, CancellationToken, Task<List<T>>> load, CancellationToken cancellationToken) =>
        await load(lookup, cancellationToken) is { Count: > 0 } found ? [.. found] : null;
}
