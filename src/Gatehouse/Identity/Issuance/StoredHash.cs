using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Identity.Issuance;

/// <summary>
/// How authorization codes, refresh tokens and device codes are kept: only base64url(SHA-256(value)). They are random
/// and high-entropy, so a fast hash suffices, and a store that leaks holds nothing that can be presented.
/// </summary>
internal static class StoredHash
{
    public static string Of(string value) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
