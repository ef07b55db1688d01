namespace Gatehouse.TestHost;

/// <summary>
/// The clock of one test's world: every server and CLI run over one <see cref="TestStore"/> reads it. It reads real
/// time plus an offset that only the test moves (<see cref="Advance"/>), so every expiry the server checks against
/// <see cref="TimeProvider.GetUtcNow"/> (secrets, codes, tokens, leases, hub refresh windows) passes at once.
/// </summary>
/// <remarks>
/// Timers and timestamps stay on real time, which is why this is not FakeTimeProvider: a FakeTimeProvider fires timers
/// only when advanced, and the server's pollers run on TimeProvider timers — the SQLite change watcher (every 100 ms,
/// how a server notices what a CLI run wrote), the hub's refresh and event-delivery loops, the refresh-token sweep,
/// PostgreSQL's listen retry and the proxy's Retry-After wait. Frozen, they would let a test pass only where it also
/// advanced the clock at the right moments, and a cache the watcher should have dropped would go stale unnoticed.
/// Left on real time, they keep polling as in production; a test that waits for one gives it a short poll interval
/// and moves the wall clock past the moment it should act. Wall time still flows between two steps of a test, so
/// "just before" means a margin larger than the steps take (a minute, not a millisecond).
/// </remarks>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    /// <summary>How far this clock is ahead of real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the wall clock forward (or back, with a negative <paramref name="by"/>) for every reader at once.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
