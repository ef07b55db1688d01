using System.Net;

namespace Gatehouse.Hosting;

/// <summary>
/// README.md, "Security": GET /metrics is served on the metrics listener (--metrics-urls) alone, which serves
/// nothing else but /healthz; without one, it answers only callers on this machine.
/// </summary>
internal static class MetricsExposure
{
    public const string MetricsPath = "/metrics";
    private const string HealthPath = "/healthz";

    /// <param name="metricsPorts">The metrics listener's ports; none when there is no metrics listener.</param>
    public static IApplicationBuilder UseMetricsExposure(this IApplicationBuilder app, IReadOnlySet<int> metricsPorts) =>
        app.Use(async (context, next) =>
        {
            var onMetricsListener = metricsPorts.Contains(context.Connection.LocalPort);
            if (Refusal(context.Request.Path, onMetricsListener, metricsPorts.Count > 0, context.Connection.RemoteIpAddress) is { } status)
            {
                context.Response.StatusCode = status;
                return;
            }

            await next(context);
        });

    /// <summary>The status a request is refused with (404 or 403), or null when it goes on to its endpoint.</summary>
    public static int? Refusal(PathString path, bool onMetricsListener, bool metricsListenerSet, IPAddress? remote)
    {
        var metrics = path.StartsWithSegments(MetricsPath);
        if (onMetricsListener)
        {
            return metrics || path.StartsWithSegments(HealthPath) ? null : StatusCodes.Status404NotFound;
        }

        if (!metrics)
        {
            return null;
        }

        if (metricsListenerSet)
        {
            return StatusCodes.Status404NotFound;
        }

        return remote is not null && IPAddress.IsLoopback(remote) ? null : StatusCodes.Status403Forbidden;
    }
}
