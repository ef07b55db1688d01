using System.Security.Cryptography;

namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>
/// Makes secret values in Entra's current format: 40 characters, three random ones, the marker "8Q~", then 34 more,
/// all from the URL-unreserved set (microsoft/security-utilities SEC101/156).
/// </summary>
internal static class ClientSecretValue
{
    public const int Length = 40;
    private const string Marker = "8Q~";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    public static string New()
    {
        var head = RandomNumberGenerator.GetString(Alphabet, 3);
        var tail = RandomNumberGenerator.GetString(Alphabet, Length - 3 - Marker.Length);
        return head + Marker + tail;
    }
}
