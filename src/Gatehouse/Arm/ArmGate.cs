using System.Diagnostics;
using Gatehouse.Identity.Protocol;
using Gatehouse.ResourceServer;

namespace Gatehouse.Arm;

/// <summary>
/// What every Resource Manager request passes before a handler runs: a token for the management audience (401), then
/// an api-version (400), which ARM requires of every request.
/// </summary>
internal sealed class ArmGate(BearerTokenValidator tokens, IssuerUrls urls) : RequestGate<ArmRequest, ArmError>
{
    // Resource Manager's challenge names login.windows.net (docs/protocol/microsoft-hosts.md §3).
    private const string MicrosoftAuthority = "https://login.windows.net";

    public void TagCaller(HttpContext context, Activity activity)
    {
        if (Admitted(context) is { } request)
        {
            activity.SetTag("gatehouse.arm.tenant", request.Caller.TenantId);
            activity.SetTag("gatehouse.arm.app", request.Caller.ClientAppId);
        }
    }

    protected override async Task<Outcome<ArmRequest, ArmError>> CheckAsync(HttpContext context)
    {
        var validated = await tokens.ValidateAsync(context.Request.Headers.Authorization.ToString(), ArmApi.Audiences, context.RequestAborted);
        if (!validated.Succeeded)
        {
            return ArmErrors.Unauthorized(validated.Error, urls.For(context.Request).IsMicrosoftCloud ? MicrosoftAuthority : urls.Base);
        }

        if (string.IsNullOrWhiteSpace(context.Request.Query["api-version"]))
        {
            return ArmErrors.MissingApiVersion();
        }

        return new ArmRequest(validated.Value);
    }
}
