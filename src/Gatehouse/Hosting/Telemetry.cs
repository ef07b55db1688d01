using Gatehouse.Identity.Endpoints;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gatehouse.Hosting;

/// <summary>
/// Metrics through OpenTelemetry, scraped as Prometheus text at GET /metrics (who may read it: <see cref="MetricsExposure"/>);
/// traces over OTLP when an OTLP endpoint is configured (README.md, "Observability").
/// </summary>
internal static partial class Telemetry
{
    /// <summary>Every surface's ActivitySource is named Gatehouse.{surface}.</summary>
    private const string GatehouseSources = "Gatehouse.*";

    private const string DefaultServiceName = "gatehouse";

    /// <param name="configuration">Where the OTEL_* variables are read, by the exporter and the resource as much as here.</param>
    public static IServiceCollection AddGatehouseTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(TokenServiceMetrics.MeterName)
            .AddPrometheusExporter());
        if (TracesEndpoint(configuration) is not null)
        {
            // Without an endpoint nothing listens to any source, so no span is ever started on the hot paths.
            telemetry.WithTracing(tracing => tracing
                .ConfigureResource(resource => resource.Clear().AddService(DefaultServiceName).AddTelemetrySdk().AddEnvironmentVariableDetector())
                .AddSource(GatehouseSources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddProcessor<StoreTelemetryFilter>()
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>The OTLP endpoint traces go to, or null when tracing is off (neither variable set).</summary>
    public static string? TracesEndpoint(IConfiguration configuration) =>
        new[] { configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] }
            .FirstOrDefault(endpoint => !string.IsNullOrWhiteSpace(endpoint));

    /// <summary>Says once, at start, where traces go, so that an operator sees tracing is on.</summary>
    public static void ReportTracing(ILogger logger, IConfiguration configuration)
    {
        if (TracesEndpoint(configuration) is { } endpoint)
        {
            LogTracing(logger, endpoint, configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc");
        }
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsExposure.MetricsPath);
        return endpoints;
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Traces are exported over OTLP ({Protocol}) to {Endpoint}.")]
    private static partial void LogTracing(ILogger logger, string endpoint, string protocol);
}
