using System.Collections.Concurrent;

namespace Gatehouse.Data;

/// <summary>
/// Values read from the store, kept until <see cref="StoreChanges"/> moves. Only found values are kept, so unknown
/// keys cannot grow it; the whole cache is dropped at once when the store changes.
/// </summary>
internal sealed class SnapshotCache<TKey, TValue>(StoreChanges changes)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new();
    private long generation = -1;

    public async ValueTask<TValue?> GetAsync<TState>(
        TKey key, TState state, Func<TKey, TState, CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        // Read the generation before loading: a change during the load leaves the entry stale, never wrongly fresh.
        var current = changes.Generation;
        if (Volatile.Read(ref generation) != current && Interlocked.Exchange(ref generation, current) != current)
        {
            entries.Clear();
        }

        if (entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var loaded = await load(key, state, cancellationToken);
        if (loaded is not null && changes.Generation == current)
        {
            entries[key] = loaded;
        }

        return loaded;
    }

    /// <summary>Reads one key from the store again, whatever is kept, and keeps what it finds.</summary>
    public async ValueTask<TValue?> ReloadAsync<TState>(
        TKey key, TState state, Func<TKey, TState, CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        var current = changes.Generation;
        var loaded = await load(key, state, cancellationToken);
        if (loaded is null)
        {
            entries.TryRemove(key, out _);
        }
        else if (changes.Generation == current)
        {
            entries[key] = loaded;
        }

        return loaded;
    }
}
