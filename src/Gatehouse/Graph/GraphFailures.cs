namespace Gatehouse.Graph;

/// <summary>Graph's answer to a failed request: generalException or serviceNotAvailable, the request-id in innerError and the headers.</summary>
internal sealed class GraphFailures : SurfaceFailures
{
    public static readonly GraphFailures Instance = new();

    public override string RequestId(HttpContext context)
    {
        var ids = GraphRequestIds.Of(context);
        ids.Stamp(context.Response);
        return ids.RequestId;
    }

    public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId) =>
        storeUnavailable ? GraphErrors.ServiceNotAvailable() : GraphErrors.GeneralException();
}
