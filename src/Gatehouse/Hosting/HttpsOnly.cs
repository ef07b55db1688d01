namespace Gatehouse.Hosting;

/// <summary>
/// README.md, "Configuration" and "Security": beyond loopback, plain HTTP serves nothing but the health probe
/// and the metrics listener, and HTTPS responses carry Strict-Transport-Security.
/// </summary>
internal static class HttpsOnly
{
    /// <summary>
    /// A year of HSTS, never for localhost, 127.0.0.1 or [::1] even on a server bound beyond loopback: a browser pins
    /// a host name on every port, so pinning localhost would force HTTPS on every other local development server.
    /// </summary>
    public static IServiceCollection AddStrictTransportSecurity(this IServiceCollection services) =>
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false;
            hsts.ExcludedHosts.Clear();
            hsts.ExcludedHosts.Add("localhost");
            hsts.ExcludedHosts.Add("127.0.0.1");
            hsts.ExcludedHosts.Add("[::1]");
        });

    /// <param name="metricsPorts">The metrics listener's ports, which may be plain HTTP anywhere.</param>
    public static IApplicationBuilder UseHttpsOnlyBeyondLoopback(this IApplicationBuilder app, GatehouseOptions options, IReadOnlySet<int> metricsPorts)
    {
        if (!ListenAddresses.AllLoopback(options.ListenUrls))
        {
            app.UseHsts();
        }

        return app.Use(async (context, next) =>
        {
            var local = context.Connection.LocalIpAddress;
            if (!context.Request.IsHttps && context.Request.Path != "/healthz" && !metricsPorts.Contains(context.Connection.LocalPort)
                && (local is null || !System.Net.IPAddress.IsLoopback(local)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("HTTPS is required.");
                return;
            }

            await next(context);
        });
    }
}
