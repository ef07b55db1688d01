namespace Gatehouse.Identity.Protocol;

/// <summary>
/// CORS on the token endpoint, as Entra answers single-page apps (docs/protocol/entra-protocol.md §3.7): any origin may
/// ask (the preflight cannot know the code), a token answer is readable only from the origin of the SPA redirect URI
/// it was issued to, and an error answer from any origin, as it carries nothing to steal.
/// </summary>
internal static class CrossOrigin
{
    /// <summary>The headers @azure/msal-browser may send with a token POST (msal-common's HeaderNames).</summary>
    public const string AllowedHeaders =
        "content-type, client-request-id, return-client-request-id, x-client-SKU, x-client-VER, x-client-OS, x-client-CPU, "
        + "x-client-current-telemetry, x-client-last-telemetry, x-ms-lib-capability";

    public const string AllowedMethods = "POST, OPTIONS";

    /// <summary>A day: browsers cap it lower (Chromium at two hours), and the answer never changes.</summary>
    public const int MaxAgeSeconds = 86400;

    /// <summary>The request's Origin header; null for a same-origin or non-browser request (or the opaque "null").</summary>
    public static string? RequestOrigin(HttpRequest request) =>
        request.Headers.Origin.ToString() is { Length: > 0 } origin && origin != "null" ? origin : null;

    /// <summary>scheme://host[:port] of an absolute URI, as a browser writes it in Origin; null for anything else.</summary>
    public static string? OriginOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed.GetLeftPart(UriPartial.Authority)
            : null;

    public static void Allow(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.Append("Vary", "Origin");
    }

    /// <summary>The preflight's answer: 204 with what the POST may carry, for any origin.</summary>
    public static IResult Preflight(HttpContext context)
    {
        var response = context.Response;
        if (RequestOrigin(context.Request) is { } origin)
        {
            Allow(response, origin);
            response.Headers.AccessControlAllowMethods = AllowedMethods;
            response.Headers.AccessControlAllowHeaders = AllowedHeaders;
            response.Headers.AccessControlMaxAge = MaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.NoContent();
    }
}
