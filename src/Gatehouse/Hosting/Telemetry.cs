using Gatehouse.Identity.Endpoints;
using OpenTelemetry.Metrics;

namespace Gatehouse.Hosting;

/// <summary>Metrics through OpenTelemetry, scraped as Prometheus text at GET /metrics (who may read it: <see cref="MetricsExposure"/>).</summary>
internal static class Telemetry
{
    public static IServiceCollection AddGatehouseTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(TokenServiceMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsExposure.MetricsPath);
        return endpoints;
    }
}
