using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// The tests whose in-process servers trace run one at a time (alongside every other test), and the collection holds
/// the EF Core instrumentation open from its first test to its last. OpenTelemetry's EF Core instrumentation is one per
/// process: it subscribes when the first tracer that asks for it is built and unsubscribes for good when the last of
/// them is disposed, so without this the first tracing server to stop would end the store spans of every later one.
/// A server in production is alone in its process and keeps its tracer until it stops.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TracingServers : ICollectionFixture<TracingServers.StoreInstrumentation>
{
    public const string Name = "Tracing servers";

    /// <summary>A tracer with the EF Core instrumentation only, and no exporter: it keeps the instrumentation subscribed.</summary>
    public sealed class StoreInstrumentation : IDisposable
    {
        private readonly TracerProvider tracer = Sdk.CreateTracerProviderBuilder().AddEntityFrameworkCoreInstrumentation().Build();

        public void Dispose() => tracer.Dispose();
    }
}
