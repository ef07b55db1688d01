using System.Net;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// A collector on a loopback port, as an operator's OTLP endpoint: it accepts http/protobuf POSTs to /v1/traces, keeps
/// each request body and answers 200 with an empty ExportTraceServiceResponse.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly List<byte[]> bodies = [];
    private readonly Task serving;

    public OtlpReceiver()
    {
        var port = LoopbackPort.Free();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add($"{Endpoint}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>What OTEL_EXPORTER_OTLP_ENDPOINT names; the exporter adds /v1/traces.</summary>
    public string Endpoint { get; }

    /// <summary>The variables that send a server's traces here, under the given service name.</summary>
    public IReadOnlyDictionary<string, string> Variables(string serviceName) => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = serviceName,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    /// <summary>Every POST body received so far, in order.</summary>
    public IReadOnlyList<byte[]> Bodies
    {
        get
        {
            lock (bodies)
            {
                return [.. bodies];
            }
        }
    }

    public IReadOnlyList<OtlpSpan> Spans => [.. Bodies.SelectMany(OtlpSpans.Read)];

    /// <summary>Waits (at most 20 s) until the spans received satisfy <paramref name="arrived"/>, and returns them.</summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> arrived)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var spans = Spans;
            if (arrived(spans))
            {
                return spans;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"The expected spans did not arrive; received: {string.Join(" | ", spans.Select(s => s.Name).Distinct())}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept.
        }
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

            using (var body = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    lock (bodies)
                    {
                        bodies.Add(body.ToArray());
                    }
                }
            }

            context.Response.StatusCode = context.Request.Url?.AbsolutePath == "/v1/traces" ? 200 : 404;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
