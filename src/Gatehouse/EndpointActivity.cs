using System.Diagnostics;

namespace Gatehouse;

/// <summary>
/// The endpoint filter that gives every request of a surface its Activity: one span named by the
/// surface, the method and the route pattern, tagged with the caller once the handler or the refusal has answered.
/// Nothing is allocated while nothing listens to the source.
/// </summary>
internal sealed class EndpointActivity(ActivitySource source, string surface, Action<HttpContext, Activity> tagCaller) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        source.HasListeners() ? TraceAsync(context, next) : next(context);

    private async ValueTask<object?> TraceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var activity = source.StartActivity($"{surface} {http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}");
        var result = await next(context);
        if (activity is not null)
        {
            tagCaller(http, activity);
        }

        return result;
    }
}
