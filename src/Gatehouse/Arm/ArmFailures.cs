namespace Gatehouse.Arm;

/// <summary>Resource Manager's answer to a failed request: InternalServerError or ServiceUnavailable, with the tracking id.</summary>
internal sealed class ArmFailures : SurfaceFailures
{
    public static readonly ArmFailures Instance = new();

    public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId) =>
        storeUnavailable ? ArmErrors.ServiceUnavailable(requestId) : ArmErrors.InternalServerError(requestId);
}
