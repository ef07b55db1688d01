namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// The image formats Entra takes for an app's logo, .png, .jpg and .bmp (learn.microsoft.com: "Branding &amp;
/// properties", Upload new logo), told by their first bytes rather than by a file name or a declared type.
/// </summary>
internal static class LogoFormat
{
    public const string Names = "PNG, JPEG or BMP";

    private static readonly (byte[] Signature, string ContentType)[] Formats =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ("BM"u8.ToArray(), "image/bmp"),
    ];

    /// <summary>The image's content type, or null when its first bytes are none of the formats.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> image)
    {
        foreach (var (signature, contentType) in Formats)
        {
            if (image.StartsWith(signature))
            {
                return contentType;
            }
        }

        return null;
    }
}
