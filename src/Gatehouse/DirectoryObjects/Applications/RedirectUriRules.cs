namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>Entra's restrictions on redirect URIs (learn.microsoft.com: reply-url restrictions).</summary>
internal static class RedirectUriRules
{
    public const int MaximumLength = 256;

    public static string? Check(string uri, RedirectPlatform platform)
    {
        if (uri.Length > MaximumLength)
        {
            return $"The redirect URI '{uri}' is longer than {MaximumLength} characters.";
        }

        if (uri.Contains('*', StringComparison.Ordinal))
        {
            return $"The redirect URI '{uri}' contains a wildcard, which is not allowed.";
        }

        // On Unix a rooted path ("/callback") parses as an absolute file: URI; only a URI that names its scheme is absolute here.
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !uri.StartsWith($"{parsed.Scheme}:", StringComparison.OrdinalIgnoreCase))
        {
            return $"The redirect URI '{uri}' is not an absolute URI.";
        }

        if (!string.IsNullOrEmpty(parsed.Fragment))
        {
            return $"The redirect URI '{uri}' must not contain a fragment.";
        }

        // Public clients may use custom schemes (msal{appId}://auth); web and SPA need HTTPS except on localhost.
        if (platform == RedirectPlatform.PublicClient)
        {
            return null;
        }

        return parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)
            ? null
            : $"The redirect URI '{uri}' must use HTTPS, or HTTP on localhost.";
    }
}

internal enum RedirectPlatform
{
    Web,
    Spa,
    PublicClient,
}
