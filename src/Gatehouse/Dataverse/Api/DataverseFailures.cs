namespace Gatehouse.Dataverse.Api;

/// <summary>The Web API's answer to a failed request: its error envelope, with the request id in the message.</summary>
internal sealed class DataverseFailures : SurfaceFailures
{
    public static readonly DataverseFailures Instance = new();

    public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId) => DataverseError.Failed(storeUnavailable, requestId).ToResult();
}
