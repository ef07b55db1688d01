using Gatehouse.Data;

namespace Gatehouse.Hosting;

internal static class HealthEndpoints
{
    /// <summary>GET /healthz: 200 when the store answers, 503 otherwise. Served over plain HTTP too, for probes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (GatehouseDb db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("Healthy", "text/plain")
                : Results.Text("Unhealthy", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
