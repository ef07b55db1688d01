using Gatehouse.Data;

namespace Gatehouse.Hosting;

internal static class HealthEndpoints
{
    /// <summary>
    /// GET /healthz: 200 when the store answers, 503 otherwise. Served over plain HTTP too, for probes. While the clock
    /// is moved (--allow-clock-offset), two more lines say by how much and what time it reads.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (GatehouseDb db, OffsetClock clock, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("Healthy" + ClockLines(clock), "text/plain")
                : Results.Text("Unhealthy" + ClockLines(clock), "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }

    private static string ClockLines(OffsetClock clock) =>
        clock.Offset == TimeSpan.Zero ? ""
        : FormattableString.Invariant($"\nclockOffset: {clock.Offset:c}\nnow: {clock.GetUtcNow():O}");
}
