namespace Gatehouse.Hosting;

/// <summary>README.md, "Configuration": beyond loopback, plain HTTP serves nothing but the health probe.</summary>
internal static class HttpsOnly
{
    public static IApplicationBuilder UseHttpsOnlyBeyondLoopback(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var local = context.Connection.LocalIpAddress;
            if (!context.Request.IsHttps && context.Request.Path != "/healthz" && (local is null || !System.Net.IPAddress.IsLoopback(local)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("HTTPS is required.");
                return;
            }

            await next(context);
        });
}
