using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>
/// Secrets are high-entropy, so a keyed SHA-256 (HMAC with a per-secret random key) is enough and fast; a slow
/// password hash would only tax every token request. The per-secret key lets a hash move with an exported tenant.
/// </summary>
internal static class ClientSecretHash
{
    public const int SaltLength = 16;

    public static (byte[] Salt, byte[] Hash) Compute(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return (salt, HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)));
    }

    public static bool Matches(PasswordCredential credential, string presented) =>
        Matches(credential.SecretSalt, credential.SecretHash, presented);

    public static bool Matches(byte[] salt, byte[] expectedHash, string presented)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, expectedHash);
    }
}
