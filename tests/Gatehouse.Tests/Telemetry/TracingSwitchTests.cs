using System.Diagnostics;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// Tracing is on exactly when an OTLP endpoint is named: without one the server registers no tracer, so nothing
/// listens to its sources and no request pays for a span. An ActivityListener is process-wide, so these tests share
/// the tracing servers' collection: no other in-process server is tracing while they look.
/// </summary>
[Collection(TracingServers.Name)]
public sealed class TracingSwitchTests
{
    private const string TracingLine = "Traces are exported over OTLP";

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_listens_to_Gatehouses_sources()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "untraced" });
        var client = await gatehouse.RegisterClientAsync("untraced");
        await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);

        using var identity = new ActivitySource("Gatehouse.Identity");
        Assert.False(identity.HasListeners());
        Assert.DoesNotContain(TracingLine, gatehouse.Server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:9/v1/traces")]
    public async Task Either_OTLP_endpoint_variable_turns_tracing_on_and_says_so(string variable, string endpoint)
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), new Dictionary<string, string> { [variable] = endpoint });

        using var identity = new ActivitySource("Gatehouse.Identity");
        Assert.True(identity.HasListeners());
        Assert.Contains($"{TracingLine} (grpc) to {endpoint}.", gatehouse.Server.Output, StringComparison.Ordinal);
    }
}
