using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.Portal.Applications;

/// <summary>
/// GET /applogos/{object id}/{version}: an app's logo, for the signed-in pages that show it (Branding, the consent
/// prompt). The version in the path changes with the image, so a browser may keep it for good. The logo's bytes are
/// sent as the format their first bytes named at upload, never sniffed, and under a CSP that runs nothing in it.
/// </summary>
internal static class ApplicationLogoEndpoint
{
    public const string Route = "/applogos/{id:guid}/{version}";

    public static string? Url(Guid applicationId, string? version) => version is null ? null : $"/applogos/{applicationId}/{version}";

    public static async Task<IResult> GetAsync(Guid id, string version, ApplicationLogos logos, HttpContext context)
    {
        // A version is lowercase hex of a fixed length; anything else (a NUL PostgreSQL would refuse among it) names no logo.
        if (version.Length != ApplicationLogos.VersionLength || !version.All(char.IsAsciiHexDigitLower)
            || await logos.FindAsync(id, version, context.RequestAborted) is not { } logo)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "private, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.File(logo.Content, logo.ContentType);
    }
}
