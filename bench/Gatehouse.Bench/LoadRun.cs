using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gatehouse.Bench;

/// <summary>
/// Closed-loop load: one request loop per keep-alive connection, sending the same request back to back through a
/// warm-up and then the measured window. Every request is timed; those completing inside the window are the result.
/// </summary>
internal static class LoadRun
{
    /// <summary>Sends one request; null when its answer is the expected one, otherwise what went wrong.</summary>
    public delegate Task<string?> Send(HttpClient client, CancellationToken cancellationToken);

    public static Task<LoadResult> RunAsync(
        PinnedServerClient server, Uri tokenPath, byte[] form, TokensPlan plan, CpuWindow cpu, CancellationToken cancellationToken) =>
        RunAsync(server, (client, token) => PostAsync(client, tokenPath, form, token), plan, cpu, cancellationToken);

    public static async Task<LoadResult> RunAsync(PinnedServerClient server, Send send, TokensPlan plan, CpuWindow cpu, CancellationToken cancellationToken)
    {
        using var client = server.Create(plan.Connections);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = Enumerable.Range(0, plan.Connections)
            .Select(_ => Task.Run(() => LoopAsync(client, send, stop.Token, cancellationToken), cancellationToken))
            .ToList();

        await Task.Delay(plan.WarmUp, cancellationToken);
        var windowStart = Stopwatch.GetTimestamp();
        cpu.Start();
        await Task.Delay(plan.Measured, cancellationToken);
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
    /// A GET whose answer must have <paramref name="expected"/> status (and, when given, contain
    /// <paramref name="mustContain"/>): null when it has, otherwise what went wrong.
    /// </summary>
    public static async Task<string?> GetAsync(
        HttpClient client, Uri path, string authorization, HttpStatusCode expected, CancellationToken cancellationToken, string? mustContain = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode != expected ? $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}"
                : mustContain is not null && body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(mustContain)) < 0 ? $"HTTP {(int)response.StatusCode} without {mustContain}"
                : null;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Null when the answer is 200 with an access_token; otherwise what went wrong.</summary>
    private static async Task<string?> PostAsync(HttpClient client, Uri tokenPath, byte[] form, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenPath)
            {
                Content = new ByteArrayContent(form) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } },
            };
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}";
            }

            return TokenResponse.HasAccessToken(body) ? null : "HTTP 200 without an access_token";
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
