namespace Gatehouse.Identity.Clients;

/// <summary>The platform of the app's Authentication blade a redirect URI is registered under.</summary>
internal enum RedirectUriPlatform
{
    None,
    Spa,
    PublicClient,
    Web,
}
