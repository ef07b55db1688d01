using System.Diagnostics;

namespace Gatehouse;

/// <summary>
/// The endpoint filter that gives every request of a surface its Activity (house rule 8): one span named by the
/// surface, the method and the route pattern, tagged with the caller once the handler or the refusal has answered.
/// Nothing is allocated while no listener samples the source.
/// </summary>
internal sealed class EndpointActivity(ActivitySource source, string surface, Action<HttpContext, Activity> tagCaller) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!source.HasListeners())
        {
            return await next(context);
        }

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
