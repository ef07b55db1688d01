namespace Gatehouse;

/// <summary>
/// How a surface answers a request its handler could not finish: a bug (500), or the store gone away (503, with the
/// Retry-After the caller sets), in the surface's own error shape and carrying <c>requestId</c>, the id the one log
/// line quotes. Each surface's route group carries one as endpoint metadata; Hosting's <c>FailureAnswers</c> picks it.
/// </summary>
internal abstract class SurfaceFailures
{
    /// <summary>The request's id in the surface's own terms (Graph's request-id, the token service's trace ID); a new GUID by default.</summary>
    public virtual string RequestId(HttpContext context) => Guid.NewGuid().ToString();

    public abstract IResult Answer(HttpContext context, bool storeUnavailable, string requestId);
}
