using Gatehouse.Identity.Protocol;
using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>
/// Every request under /v1.0 and /beta passes here first: correlation headers, the bearer token (401), the
/// operation's documented permissions (403), then the per-app throttle (429). Only then does a handler run.
/// </summary>
internal sealed class GraphGate(BearerTokenValidator tokens, IssuerUrls urls, GraphThrottle throttle) : IMiddleware
{
    public static readonly IReadOnlyList<string> Versions = ["/v1.0", "/beta"];

    public static bool Serves(PathString path) => Versions.Any(version => path.StartsWithSegments(version));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        GraphRequestIds.Of(context);
        var validated = await tokens.ValidateAsync(context.Request.Headers.Authorization.ToString(), GraphApi.Audiences, context.RequestAborted);
        if (!validated.Succeeded)
        {
            await GraphErrors.InvalidAuthenticationToken(validated.Error, urls.Base).ExecuteAsync(context);
            return;
        }

        var caller = validated.Value;

        var selfOnly = false;
        if (context.GetEndpoint()?.Metadata.GetMetadata<GraphOperation>() is { } operation
            && !caller.HasAny(operation.Delegated, operation.Application))
        {
            if (!caller.IsDelegated || !operation.Self.Any(caller.Scopes.Contains))
            {
                await (operation.Outlook ? GraphErrors.OutlookAccessDenied() : GraphErrors.AccessDenied()).ExecuteAsync(context);
                return;
            }

            selfOnly = true;
        }

        if (throttle.RetryAfter(caller.ClientAppId) is { } wait)
        {
            await GraphErrors.TooManyRequests(wait).ExecuteAsync(context);
            return;
        }

        var version = Versions.First(v => context.Request.Path.StartsWithSegments(v));
        new GraphRequest(caller, selfOnly, urls.Base + version, context).Attach();
        await next(context);
    }
}
