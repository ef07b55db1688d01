namespace Gatehouse.PortalApi;

/// <summary>The portal API's answer to a failed request: its ClientException body, with the request id.</summary>
internal sealed class PortalApiFailures : SurfaceFailures
{
    public static readonly PortalApiFailures Instance = new();

    public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId) => PortalApiErrors.Failed(storeUnavailable, requestId);
}
