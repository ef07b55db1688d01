namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// The tests whose in-process servers export traces run one at a time (alongside every other test): OpenTelemetry's
/// EF Core instrumentation is one per process, so a second tracing server stopping would stop the store spans of the
/// first. A server in production is alone in its process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TracingServers
{
    public const string Name = "Tracing servers";
}
