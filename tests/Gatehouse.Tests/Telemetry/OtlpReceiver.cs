using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// A collector on a loopback port, as an operator's OTLP endpoint: it accepts http/protobuf POSTs to /v1/traces, keeps
/// each request body and answers 200 with an empty ExportTraceServiceResponse.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string TracesPath = "/v1/traces";

    private static readonly IReadOnlyDictionary<string, string> Protobuf = new Dictionary<string, string> { ["Content-Type"] = "application/x-protobuf" };

    private readonly LoopbackListener listener = new(request => (request.Path == TracesPath ? 200 : 404, "", Protobuf));

    /// <summary>What OTEL_EXPORTER_OTLP_ENDPOINT names; the exporter adds /v1/traces.</summary>
    public string Endpoint => listener.Url.TrimEnd('/');

    /// <summary>The variables that send a server's traces here, under the given service name.</summary>
    public IReadOnlyDictionary<string, string> Variables(string serviceName) => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = serviceName,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    /// <summary>Every export request's body received so far, in order.</summary>
    public IReadOnlyList<byte[]> Bodies => [.. listener.Received.Where(r => r.Method == "POST" && r.Path == TracesPath).Select(r => r.Content)];

    public IReadOnlyList<OtlpSpan> Spans => [.. Bodies.SelectMany(OtlpSpans.Read)];

    /// <summary>Waits (at most 20 s) until the spans received satisfy <paramref name="arrived"/>, and returns them.</summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> arrived)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var spans = Spans;
            if (arrived(spans))
            {
                return spans;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20),
                $"The expected spans did not arrive; received: {string.Join(" | ", spans.Select(s => s.Name).Distinct())}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync() => listener.DisposeAsync();
}
