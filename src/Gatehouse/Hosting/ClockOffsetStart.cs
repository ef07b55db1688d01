using Gatehouse.Data;

namespace Gatehouse.Hosting;

/// <summary>As the store opens: follow its clock offset (with --allow-clock-offset), and say so in the log when it is not zero.</summary>
internal static partial class ClockOffsetStart
{
    public static async Task FollowAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        TimeSpan stored;
        await using (var scope = services.CreateAsyncScope())
        {
            stored = await scope.ServiceProvider.GetRequiredService<ClockOffsets>().RefreshAsync(cancellationToken);
        }

        var clock = services.GetRequiredService<OffsetClock>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClockOffsetStart));
        if (stored == TimeSpan.Zero)
        {
            return;
        }

        if (clock.OffsetAllowed)
        {
            LogFollowing(logger, stored, clock.GetUtcNow());
        }
        else
        {
            LogIgnoring(logger, stored);
        }
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning,
        Message = "The clock is moved by {Offset} (--allow-clock-offset): it reads {Now:O}, and every expiry follows it. `gatehouse clock reset` ends it.")]
    private static partial void LogFollowing(ILogger logger, TimeSpan offset, DateTimeOffset now);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning,
        Message = "The store holds a clock offset of {Offset}, which this process ignores: it runs without --allow-clock-offset, on real time.")]
    private static partial void LogIgnoring(ILogger logger, TimeSpan offset);
}
