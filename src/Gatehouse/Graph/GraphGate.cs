using System.Diagnostics;
using Gatehouse.Identity.Protocol;
using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>
/// What every request under /v1.0 and /beta passes before a handler runs, in Graph's order: correlation headers, the
/// bearer token (401), then the operation's documented permissions (403). The per-app throttle (429) is the next filter.
/// </summary>
internal sealed class GraphGate(BearerTokenValidator tokens, IssuerUrls urls) : RequestGate<GraphRequest, GraphError>
{
    public static readonly IReadOnlyList<string> Versions = ["/v1.0", "/beta"];

    // Tokens asked for with Gatehouse's own URL as the Graph resource name it (docs/protocol/azure-cli.md §3).
    private readonly IReadOnlyList<string> audiences = [.. GraphApi.Audiences, urls.Base, urls.Base + "/"];

    /// <summary>Tags a request's Activity with the calling app and its tenant.</summary>
    public void TagCaller(HttpContext context, Activity activity)
    {
        if (Admitted(context) is { } request)
        {
            activity.SetTag("gatehouse.graph.tenant", request.TenantId);
            activity.SetTag("gatehouse.graph.app", request.Caller.ClientAppId);
        }
    }

    protected override async Task<Outcome<GraphRequest, GraphError>> CheckAsync(HttpContext context)
    {
        GraphRequestIds.Of(context);
        var validated = await tokens.ValidateAsync(context.Request.Headers.Authorization.ToString(), audiences, context.RequestAborted);
        if (!validated.Succeeded)
        {
            return GraphErrors.InvalidAuthenticationToken(validated.Error, urls.Base);
        }

        var caller = validated.Value;

        var selfOnly = false;
        if (context.GetEndpoint()?.Metadata.GetMetadata<GraphOperation>() is { } operation
            && !caller.HasAny(operation.Delegated, operation.Application))
        {
            if (!caller.IsDelegated || !operation.Self.Any(caller.Scopes.Contains))
            {
                return operation.Outlook ? GraphErrors.OutlookAccessDenied() : GraphErrors.AccessDenied();
            }

            selfOnly = true;
        }

        var version = Versions.First(v => context.Request.Path.StartsWithSegments(v));
        return new GraphRequest(caller, selfOnly, urls.Base + version, context);
    }
}
