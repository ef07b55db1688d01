namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>The app's other web addresses: the home page (Branding) and the front-channel logout URL (Authentication).</summary>
internal static class ApplicationUrlRules
{
    /// <summary>As for redirect URIs: the store keeps what Entra would, and no more.</summary>
    public const int MaximumLength = RedirectUriRules.MaximumLength;

    /// <summary>web.homePageUrl: a link shown to people (My Apps, consent prompts), so http or https.</summary>
    public static string? CheckHomePage(string url)
    {
        if (Parse(url, "home page URL", out var parsed) is { } problem)
        {
            return problem;
        }

        return parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp
            ? null
            : $"The home page URL '{url}' must be an http or https address.";
    }

    /// <summary>
    /// web.logoutUrl: rendered in an iframe at sign-out (OpenID Connect Front-Channel Logout 1.0 §2). Entra's portal takes
    /// only https here; http is allowed on localhost, as for redirect URIs.
    /// </summary>
    public static string? CheckLogout(string url)
    {
        if (Parse(url, "front-channel logout URL", out var parsed) is { } problem)
        {
            return problem;
        }

        return parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)
            ? null
            : $"The front-channel logout URL '{url}' must use HTTPS, or HTTP on localhost.";
    }

    private static string? Parse(string url, string name, out Uri parsed)
    {
        parsed = null!;
        if (url.Length > MaximumLength)
        {
            return $"The {name} is longer than {MaximumLength} characters.";
        }

        // On Unix a rooted path ("/logout") parses as an absolute file: URI; only a URL that names its scheme is absolute here.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.StartsWith($"{uri.Scheme}:", StringComparison.OrdinalIgnoreCase))
        {
            return $"The {name} '{url}' is not an absolute URL.";
        }

        parsed = uri;
        return null;
    }
}
