using System.Diagnostics;
using System.Net;
using System.Text;

namespace Gatehouse.Bench;

/// <summary>
/// Closed-loop load: one request loop per keep-alive connection, sending requests back to back through a warm-up and
/// then the measured window. Every request is timed; those completing inside the window are the result.
/// </summary>
internal static class LoadRun
{
    /// <summary>Sends one request; null when the answer is what was expected, otherwise what went wrong.</summary>
    public delegate Task<string?> Send(HttpClient client, CancellationToken cancellationToken);

    public static async Task<LoadResult> RunAsync(
        PinnedServerClient server, int connections, TimeSpan warmUp, TimeSpan measured, CpuWindow cpu, Send send, CancellationToken cancellationToken)
    {
        using var client = server.Create(connections);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = Enumerable.Range(0, connections)
            .Select(_ => Task.Run(() => LoopAsync(client, send, stop.Token, cancellationToken), cancellationToken))
            .ToList();

        await Task.Delay(warmUp, cancellationToken);
        var windowStart = Stopwatch.GetTimestamp();
        cpu.Start();
        await Task.Delay(measured, cancellationToken);
        cpu.Stop();
        var windowEnd = Stopwatch.GetTimestamp();
        await stop.CancelAsync();
        var samples = await Task.WhenAll(loops);
        return LoadResult.From(samples, windowStart, windowEnd);
    }

    // `stop` ends the loop between requests, so the last requests finish rather than fail; `cancellationToken` is Ctrl+C.
    private static async Task<LoopSamples> LoopAsync(HttpClient client, Send send, CancellationToken stop, CancellationToken cancellationToken)
    {
        var samples = new LoopSamples();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var failure = await send(client, cancellationToken);
            samples.Add(started, Stopwatch.GetTimestamp(), failure);
        }

        return samples;
    }

    /// <summary>
    /// Sends <paramref name="request"/>; null when the answer is 200 and <paramref name="isExpected"/> accepts its body,
    /// otherwise what went wrong.
    /// </summary>
    public static async Task<string?> ExpectOkAsync(
        HttpClient client, HttpRequestMessage request, Func<byte[], string?> isExpected, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}";
            }

            return isExpected(body);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            request.Dispose();
        }
    }
}
