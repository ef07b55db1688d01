namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// The logo uploaded in an app registration's Branding (Graph's info.logoUrl), shown on the consent prompt. Kept in a
/// table of its own so that reading an app never reads its image.
/// </summary>
internal sealed class ApplicationLogo
{
    /// <summary>The app registration's object ID.</summary>
    public Guid ApplicationId { get; set; }

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    /// <summary>Hex of the first bytes of the image's SHA-256: part of the logo's URL, so a new logo is a new URL and a cached one never goes stale.</summary>
    public string Version { get; set; } = "";
}
