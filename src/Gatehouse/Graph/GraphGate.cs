using System.Diagnostics;
using Gatehouse.Identity.Protocol;
using Gatehouse.MicrosoftHosts;
using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>
/// What every request under /v1.0 and /beta passes before a handler runs, in Graph's order: correlation headers, the
/// bearer token (401), then the operation's documented permissions (403). The per-app throttle (429) is the next filter.
/// </summary>
internal sealed class GraphGate(BearerTokenValidator tokens, IssuerUrls urls) : RequestGate<GraphRequest, GraphError>
{
    public static readonly IReadOnlyList<string> Versions = ["/v1.0", "/beta"];

    private const string GraphServiceBase = "https://" + MicrosoftHostNames.Graph;

    // Tokens asked for with Gatehouse's own URL as the Graph resource name it (docs/protocol/azure-cli.md §3).
    private readonly IReadOnlyList<string> audiences = [.. GraphApi.Audiences, urls.Base, urls.Base + "/"];

    /// <summary>
    /// Where links in answers lead (docs/protocol/microsoft-hosts.md §3): https://graph.microsoft.com under that host, as
    /// Graph names itself, else Gatehouse's own URL.
    /// </summary>
    private string ServiceBase(HttpRequest request) =>
        MicrosoftHost.Of(request) is { } host && MicrosoftHostNames.IsGraph(host) ? GraphServiceBase : urls.Base;

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
            return GraphErrors.InvalidAuthenticationToken(validated.Error, urls.For(context.Request).Base);
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
        return new GraphRequest(caller, selfOnly, ServiceBase(context.Request) + version, context);
    }
}
