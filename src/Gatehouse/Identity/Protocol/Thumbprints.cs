using System.Buffers.Text;
using System.Security.Cryptography;

namespace Gatehouse.Identity.Protocol;

/// <summary>The JOSE certificate thumbprints: x5t (SHA-1) and x5t#S256 (SHA-256), base64url of the DER hash.</summary>
internal static class Thumbprints
{
    // RFC 7515 §4.1.7 defines x5t as SHA-1; it names a certificate and protects nothing, so SHA-1 is not a weakness here.
#pragma warning disable CA5350
    public static string X5t(ReadOnlySpan<byte> der) => Base64Url.EncodeToString(SHA1.HashData(der));
#pragma warning restore CA5350

    public static string X5tS256(ReadOnlySpan<byte> der) => Base64Url.EncodeToString(SHA256.HashData(der));
}
