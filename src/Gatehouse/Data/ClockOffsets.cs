using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

/// <summary>
/// Reads and moves the store's clock offset, which every node follows (<see cref="OffsetClock"/>): this node at once,
/// the others when their change watcher sees the write (<see cref="ClockOffsetWatcher"/>). Only a process started with
/// --allow-clock-offset may read or move it.
/// </summary>
internal sealed class ClockOffsets(GatehouseDb db, OffsetClock clock)
{
    private static readonly ClockRefusal NotAllowed = new(ClockRefusal.NotAllowedCode,
        "Time travel is off: run Gatehouse with --allow-clock-offset (or GATEHOUSE_ALLOW_CLOCK_OFFSET=true), for tests only, to move its clock.");

    private static readonly TimeSpan FarthestOffset = TimeSpan.FromDays(36525);

    /// <summary>The offset the store holds, zero when none was ever set.</summary>
    public async Task<TimeSpan> ReadAsync(CancellationToken cancellationToken) =>
        TimeSpan.FromTicks(await db.Set<StoredClockOffset>().AsNoTracking()
            .Where(o => o.Id == StoredClockOffset.OnlyId).Select(o => o.OffsetTicks).FirstOrDefaultAsync(cancellationToken));

    /// <summary>Follows the offset the store holds now; returns it, whether or not this process follows it.</summary>
    public async Task<TimeSpan> RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(cancellationToken);
        clock.Follow(stored);
        return stored;
    }

    public async Task<Outcome<ClockReading, ClockRefusal>> ShowAsync(CancellationToken cancellationToken)
    {
        if (!clock.OffsetAllowed)
        {
            return NotAllowed;
        }

        await RefreshAsync(cancellationToken);
        return Reading();
    }

    /// <summary>Moves every node's clock forward by <paramref name="by"/> (back, when negative).</summary>
    public async Task<Outcome<ClockReading, ClockRefusal>> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken) =>
        clock.OffsetAllowed ? await SetAsync(await ReadAsync(cancellationToken) + by, cancellationToken) : NotAllowed;

    /// <summary>Sets every node's clock to <paramref name="now"/>, from which it runs on.</summary>
    public async Task<Outcome<ClockReading, ClockRefusal>> SetNowAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        clock.OffsetAllowed ? await SetAsync(now - clock.BaseUtcNow, cancellationToken) : NotAllowed;

    /// <summary>Back to real time on every node.</summary>
    public async Task<Outcome<ClockReading, ClockRefusal>> ResetAsync(CancellationToken cancellationToken) =>
        clock.OffsetAllowed ? await SetAsync(TimeSpan.Zero, cancellationToken) : NotAllowed;

    private async Task<Outcome<ClockReading, ClockRefusal>> SetAsync(TimeSpan offset, CancellationToken cancellationToken)
    {
        if (offset.Duration() > FarthestOffset)
        {
            return new ClockRefusal(ClockRefusal.InvalidValueCode, "The clock moves at most 100 years from real time, either way.");
        }

        var row = await db.Set<StoredClockOffset>().FirstOrDefaultAsync(o => o.Id == StoredClockOffset.OnlyId, cancellationToken);
        if (row is null)
        {
            db.Add(new StoredClockOffset { OffsetTicks = offset.Ticks });
        }
        else
        {
            row.OffsetTicks = offset.Ticks;
        }

        await db.SaveChangesAsync(cancellationToken);
        clock.Follow(offset);
        return Reading();
    }

    private ClockReading Reading() => new(clock.Offset, clock.GetUtcNow());
}

/// <summary>Where the clock stands: its offset from real time and the time it reads.</summary>
internal sealed record ClockReading(TimeSpan Offset, DateTimeOffset Now)
{
    /// <summary>What `gatehouse clock --json` prints and /admin/clock answers.</summary>
    public object Json => new { clockOffset = Offset.ToString("c", System.Globalization.CultureInfo.InvariantCulture), now = Now };

    public string Text => Offset == TimeSpan.Zero
        ? FormattableString.Invariant($"The clock runs on real time: {Now:yyyy-MM-dd HH:mm:ss}Z.")
        : FormattableString.Invariant($"The clock is moved by {Offset:c}: it reads {Now:yyyy-MM-dd HH:mm:ss}Z.");
}

/// <summary>Why the clock was not moved; <see cref="Code"/> is what scripts branch on.</summary>
internal sealed record ClockRefusal(string Code, string Message)
{
    public const string NotAllowedCode = "ClockOffsetNotAllowed";
    public const string InvalidValueCode = "InvalidValue";
}
