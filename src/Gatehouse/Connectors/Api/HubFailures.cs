namespace Gatehouse.Connectors.Api;

/// <summary>The hub's answer to a failed request: {"requestId","message"}, the requestId the log line quotes.</summary>
internal sealed class HubFailures : SurfaceFailures
{
    public static readonly HubFailures Instance = new();

    public override string RequestId(HttpContext context) => HubError.NewRequestId();

    public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId) => HubError.Failed(storeUnavailable, requestId).ToResult();
}
