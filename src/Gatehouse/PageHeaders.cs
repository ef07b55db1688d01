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

    public static void Apply(HttpResponse response) => Apply(response, []);

    /// <summary>
    /// The same, letting this one page frame exactly <paramref name="frameUrls"/> (the signed-out page's front-channel
    /// logout URLs): frame-src lists each as scheme, host, port and path, so no other page and no other address may be framed.
    /// </summary>
    public static void Apply(HttpResponse response, IReadOnlyCollection<Uri> frameUrls)
    {
        response.Headers.ContentSecurityPolicy = frameUrls.Count == 0
            ? ContentSecurityPolicy
            : $"{ContentSecurityPolicy}; frame-src {string.Join(' ', frameUrls.Select(FrameSource).Distinct(StringComparer.Ordinal))}";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>A CSP source expression for the URL without its query (CSP 3 §2.3.1); ";" and "," would end the directive, so they stay percent-encoded.</summary>
    private static string FrameSource(Uri url) =>
        url.GetLeftPart(UriPartial.Path).Replace(";", "%3B", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
