using System.Diagnostics;

namespace Gatehouse.Bench;

/// <summary>Latency percentiles in milliseconds, read as HdrHistogram reads them: the smallest recorded value at or above the percentile's rank.</summary>
internal sealed record LatencyReport(double P50, double P90, double P99, double Max)
{
    public static LatencyReport From(long[] stopwatchTicks)
    {
        if (stopwatchTicks.Length == 0)
        {
            return new LatencyReport(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = stopwatchTicks.Order().ToArray();
        double At(double percentile)
        {
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
            return Milliseconds(sorted[Math.Max(rank, 1) - 1]);
        }

        return new LatencyReport(At(50), At(90), At(99), Milliseconds(sorted[^1]));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
