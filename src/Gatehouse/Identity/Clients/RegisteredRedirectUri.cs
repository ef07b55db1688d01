using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// The redirect URI a browser request names, found among the app's registered ones by exact comparison: no wildcards,
/// no case folding, no trailing-slash leniency. SPA and mobile and desktop URIs belong to public clients, which must use PKCE.
/// </summary>
internal sealed record RegisteredRedirectUri(string Uri, RedirectUriPlatform Platform)
{
    /// <summary>Longer is refused before any comparison: no registered URI is, and codes store it.</summary>
    public const int MaximumLength = 2048;

    public bool IsPublicClient => Platform is RedirectUriPlatform.Spa or RedirectUriPlatform.PublicClient;

    public static Outcome<RegisteredRedirectUri, AadstsError> Find(Application application, string? redirectUri)
    {
        if (redirectUri is not { Length: > 0 and <= MaximumLength })
        {
            return Aadsts.MissingParameter("redirect_uri");
        }

        var platform = PlatformOf(application, redirectUri);
        return platform == RedirectUriPlatform.None
            ? Aadsts.RedirectUriMismatch(redirectUri, application.AppId)
            : new RegisteredRedirectUri(redirectUri, platform);
    }

    public static RedirectUriPlatform PlatformOf(Application application, string redirectUri) =>
        application.SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal) ? RedirectUriPlatform.Spa
        : application.PublicClientRedirectUris.Any(registered => MatchesPublicClient(registered, redirectUri)) ? RedirectUriPlatform.PublicClient
        : application.WebRedirectUris.Contains(redirectUri, StringComparer.Ordinal) ? RedirectUriPlatform.Web
        : RedirectUriPlatform.None;

    private const string Localhost = "http://localhost";

    /// <summary>
    /// A public client's registered `http://localhost` URI matches the same URI on any port, as native apps listen on
    /// whichever port is free (docs/protocol/azure-cli.md §4); anything else matches exactly.
    /// </summary>
    private static bool MatchesPublicClient(string registered, string redirectUri)
    {
        if (string.Equals(registered, redirectUri, StringComparison.Ordinal))
        {
            return true;
        }

        var path = registered.StartsWith(Localhost, StringComparison.Ordinal) ? registered[Localhost.Length..] : null;
        if (path is null || (path.Length > 0 && path[0] != '/') || !redirectUri.StartsWith(Localhost + ":", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = redirectUri.AsSpan(Localhost.Length + 1);
        var digits = rest.IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? end : rest.Length;
        return digits is > 0 and <= 5 && rest[digits..].SequenceEqual(path);
    }
}
