namespace Gatehouse;

/// <summary>
/// What every page a person sees carries (the portal's Razor pages, the token service's own pages): a
/// Content-Security-Policy that runs only the server's own script and style and lets no one frame the page, the older
/// X-Frame-Options and nosniff for browsers that predate it, and no Referer, whose URL may carry a sign-in's state.
/// Not form-action: after a sign-in or consent POST the browser follows a redirect to the app's redirect URI, which
/// form-action would block.
/// </summary>
internal static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
