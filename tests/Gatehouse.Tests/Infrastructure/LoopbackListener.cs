using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>
/// A plain HTTP server on a loopback port standing in for what lies outside Gatehouse: an app's event callback, or
/// a provider API answering as a test needs (429 with Retry-After, 401), an OTLP collector. It records every request it
/// receives.
/// </summary>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<ReceivedRequest, (int Status, string Body, IReadOnlyDictionary<string, string>? Headers)> respond;
    private readonly Task loop;

    public LoopbackListener(Func<ReceivedRequest, (int Status, string Body, IReadOnlyDictionary<string, string>? Headers)>? respond = null)
    {
        this.respond = respond ?? (_ => (200, "{}", null));
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Waits until a request matching <paramref name="match"/> arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest, bool> match, TimeSpan timeout)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No matching request within {timeout}; received: {string.Join(", ", Received.Select(r => r.Method + " " + r.Path))}");
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop has let the port go, Close binds it again to remove the prefixes, and fails when
        // another test's listener has taken that free port in between.
        listener.Close();
        await loop;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var content = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(content);
            var request = new ReceivedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.PathAndQuery,
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                Encoding.UTF8.GetString(content.ToArray()))
            {
                Content = content.ToArray(),
            };
            Received.Enqueue(request);
            var (status, body, headers) = respond(request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The body's bytes, for a body that is not text (an OTLP protobuf export).</summary>
    public byte[] Content { get; init; } = [];

    public string? Bearer => Headers.TryGetValue("Authorization", out var value) && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;
}
