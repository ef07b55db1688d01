using System.Diagnostics;
using Gatehouse.Identity.Protocol;
using Gatehouse.ResourceServer;

namespace Gatehouse.PortalApi;

/// <summary>What every request to the Azure portal's API passes before a handler runs: a token for ADIbizaUX (401).</summary>
internal sealed class PortalApiGate(BearerTokenValidator tokens, IssuerUrls urls) : RequestGate<PortalApiRequest, PortalApiError>
{
    public void TagCaller(HttpContext context, Activity activity)
    {
        if (Admitted(context) is { } request)
        {
            activity.SetTag("gatehouse.portalapi.tenant", request.Caller.TenantId);
            activity.SetTag("gatehouse.portalapi.app", request.Caller.ClientAppId);
        }
    }

    protected override async Task<Outcome<PortalApiRequest, PortalApiError>> CheckAsync(HttpContext context)
    {
        var validated = await tokens.ValidateAsync(context.Request.Headers.Authorization.ToString(), PortalApiResource.Audiences, context.RequestAborted);
        return validated.Succeeded ? new PortalApiRequest(validated.Value) : PortalApiErrors.Unauthorized(validated.Error, urls.Base);
    }
}
