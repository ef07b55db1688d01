using System.Diagnostics;

namespace Gatehouse.Bench;

/// <summary>What one request loop saw: when each request started and ended, and each failure.</summary>
internal sealed class LoopSamples
{
    public List<(long Started, long Ended)> Successes { get; } = [];

    public List<(long Ended, string Reason)> Failures { get; } = [];

    public void Add(long started, long ended, string? failure)
    {
        if (failure is null)
        {
            Successes.Add((started, ended));
        }
        else
        {
            Failures.Add((ended, failure));
        }
    }
}

/// <summary>
/// The measured window: tokens are the successful requests that ended inside it, with their latencies. Failures are
/// counted over the whole load, warm-up included, since any one of them is a defect.
/// </summary>
internal sealed record LoadResult(TimeSpan Window, long[] LatencyTicks, long Requests, int Failures, string? FirstFailure)
{
    public double TokensPerSecond => LatencyTicks.Length / Window.TotalSeconds;

    public static LoadResult From(IReadOnlyList<LoopSamples> loops, long windowStart, long windowEnd)
    {
        var latencies = loops.SelectMany(loop => loop.Successes)
            .Where(sample => sample.Ended >= windowStart && sample.Ended < windowEnd)
            .Select(sample => sample.Ended - sample.Started)
            .ToArray();
        var failures = loops.SelectMany(loop => loop.Failures).OrderBy(failure => failure.Ended).ToList();
        return new LoadResult(
            Stopwatch.GetElapsedTime(windowStart, windowEnd),
            latencies,
            loops.Sum(loop => (long)loop.Successes.Count) + failures.Count,
            failures.Count,
            failures.Count > 0 ? failures[0].Reason : null);
    }
}
