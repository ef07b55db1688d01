using System.Diagnostics;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Endpoints;

/// <summary>
/// Runs around every token-service handler: an Activity for the request (tagged by <see cref="TokenActivityTags"/>), and
/// the headers Entra puts on every response (x-ms-request-id, the caller's client-request-id), set before the handler's
/// result is written.
/// </summary>
internal sealed class TokenServiceFilter : IEndpointFilter
{
    private static readonly ActivitySource Activities = new("Gatehouse.Identity");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The name is spelled out only when someone listens: this runs on the client-credentials hot path.
        using var activity = Activities.HasListeners()
            ? Activities.StartActivity($"identity {http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}")
            : null;
        TokenServiceHeaders.Stamp(http);
        var result = await next(context);
        if (activity is not null)
        {
            TokenActivityTags.Tag(activity, context, result);
        }

        return result;
    }
}
