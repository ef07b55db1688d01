namespace Gatehouse.Identity.Protocol;

/// <summary>
/// The token service's answer to a failed request: server_error (AADSTS50000) or temporarily_unavailable
/// (AADSTS90033) as Entra's JSON, or, for the pages a person sees, on a page with that heading; the trace ID is the id.
/// </summary>
internal sealed class TokenServiceFailures(string? pageHeading) : SurfaceFailures
{
    public static readonly TokenServiceFailures Endpoints = new(pageHeading: null);

    public static readonly TokenServiceFailures SignInPages = new("Sorry, but we're having trouble signing you in.");

    public override string RequestId(HttpContext context)
    {
        TokenServiceHeaders.Stamp(context);
        return TokenServiceHeaders.RequestId(context);
    }

    public override IResult Answer(HttpContext context, bool storeUnavailable, string requestId)
    {
        TokenServiceHeaders.NoStore(context.Response);
        var error = storeUnavailable ? Aadsts.TemporarilyUnavailable() : Aadsts.ServerError();
        return pageHeading is null ? error : TokenServicePage.Failure(error, pageHeading);
    }
}
