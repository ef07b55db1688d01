using System.Collections.Concurrent;

namespace Gatehouse;

/// <summary>How many failures one key may have in a window; the key is then refused until its window ends.</summary>
internal sealed record FailureLimit(int Failures, TimeSpan Window);

/// <summary>
/// Counts failures per key in fixed windows on the server's clock (so that tests move time with the store's clock,
/// which System.Threading.RateLimiting's limiters do not read) and says how long a key that used its limit must wait.
/// Only failures are counted: a key that never failed is never stored, and asking about it is one dictionary lookup.
/// A null limit turns the counting off. Per node, in memory.
/// </summary>
internal sealed class FailureWindows<TKey>(FailureLimit? limit, TimeProvider clock) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Window> windows = new();
    private long nextSweepTicks;

    /// <summary>How long the key must wait, or null when it may go ahead.</summary>
    public TimeSpan? RetryAfter(TKey key)
    {
        if (limit is null || !windows.TryGetValue(key, out var window) || window.Failures < limit.Failures)
        {
            return null;
        }

        var left = window.Start + limit.Window - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts one failure of the key.</summary>
    public void Fail(TKey key)
    {
        if (limit is not { Window: var length })
        {
            return;
        }

        var now = clock.GetUtcNow();
        windows.AddOrUpdate(
            key,
            static (_, now) => new Window(now, 1),
            (_, current, now) => now - current.Start >= length ? new Window(now, 1) : current with { Failures = current.Failures + 1 },
            now);
        SweepEndedWindows(now, length);
    }

    /// <summary>At most once a window, forgets the keys whose window has ended, so that many keys failing once each do not pile up.</summary>
    private void SweepEndedWindows(DateTimeOffset now, TimeSpan length)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + length).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, window) in windows)
        {
            if (now - window.Start >= length)
            {
                windows.TryRemove(new KeyValuePair<TKey, Window>(key, window));
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Failures);
}
