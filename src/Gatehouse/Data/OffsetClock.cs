namespace Gatehouse.Data;

/// <summary>
/// The process's <see cref="TimeProvider"/>: its base clock (the system's, or a test's) plus the offset the store holds
/// (<see cref="ClockOffsets"/>) when the process runs with --allow-clock-offset; otherwise the base clock alone.
/// Every expiry is checked against <see cref="GetUtcNow"/>, so secrets, certificates, tokens, codes, sessions,
/// refresh schedules and retention all move with the offset, on every node of the store at once.
/// </summary>
/// <remarks>
/// Only the wall clock moves. Timers and timestamps are the base clock's: a poller that runs every 30 seconds keeps
/// running every 30 seconds of real time whatever the offset, and moving the offset by 91 days neither fires every
/// timer at once nor holds one back for months. Whoever waits for an expiry polls, and sees it on its next tick.
/// </remarks>
internal sealed class OffsetClock(TimeProvider baseClock, bool offsetAllowed) : TimeProvider
{
    private long offsetTicks;

    /// <summary>Whether this process follows the store's offset, and may change it.</summary>
    public bool OffsetAllowed => offsetAllowed;

    /// <summary>How far this process's wall clock is ahead of its base clock (behind, when negative).</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>The base clock's time, without the offset.</summary>
    public DateTimeOffset BaseUtcNow => baseClock.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => baseClock.GetUtcNow() + Offset;

    public override long GetTimestamp() => baseClock.GetTimestamp();

    public override long TimestampFrequency => baseClock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => baseClock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        baseClock.CreateTimer(callback, state, dueTime, period);

    /// <summary>Follows the offset the store holds; a process without --allow-clock-offset stays on its base clock.</summary>
    internal void Follow(TimeSpan storedOffset) => Interlocked.Exchange(ref offsetTicks, offsetAllowed ? storedOffset.Ticks : 0);
}
