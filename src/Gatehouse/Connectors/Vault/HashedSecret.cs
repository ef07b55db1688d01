using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Connectors.Vault;

/// <summary>
/// Hub secrets (organization, user, instance token) are high-entropy, so a keyed SHA-256 with a per-secret random key
/// is enough, as for client secrets. The first characters are kept in clear as a lookup, so that a presented secret
/// is checked against one row rather than every row.
/// </summary>
internal sealed record HashedSecret(string Lookup, byte[] Salt, byte[] Hash)
{
    public const int LookupLength = 8;
    private const int SaltLength = 16;

    public static HashedSecret Of(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return new HashedSecret(LookupOf(secret), salt, HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)));
    }

    public static string LookupOf(string presented) => presented.Length > LookupLength ? presented[..LookupLength] : presented;

    public static bool Matches(byte[] salt, byte[] expectedHash, string presented)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, expectedHash);
    }

    /// <summary>A user secret or instance token as Cloud Elements prints them: base64 of 32 random bytes.</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>An organization secret as Cloud Elements prints it: 32 hexadecimal characters.</summary>
    public static string NewHex() => RandomNumberGenerator.GetHexString(32, lowercase: true);
}
