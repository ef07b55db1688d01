using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// Where a redirect URI is registered on an app, compared exactly against the registered URIs: no wildcards, no case
/// folding, no trailing-slash leniency. SPA and mobile and desktop URIs belong to public clients, which must use PKCE.
/// </summary>
internal enum RedirectUriPlatform
{
    None,
    Spa,
    PublicClient,
    Web,
}

internal static class RegisteredRedirectUri
{
    public static RedirectUriPlatform PlatformOf(Application application, string redirectUri) =>
        application.SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal) ? RedirectUriPlatform.Spa
        : application.PublicClientRedirectUris.Contains(redirectUri, StringComparer.Ordinal) ? RedirectUriPlatform.PublicClient
        : application.WebRedirectUris.Contains(redirectUri, StringComparer.Ordinal) ? RedirectUriPlatform.Web
        : RedirectUriPlatform.None;

    public static bool IsPublicClient(this RedirectUriPlatform platform) => platform is RedirectUriPlatform.Spa or RedirectUriPlatform.PublicClient;
}
