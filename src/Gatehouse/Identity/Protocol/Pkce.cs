using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Identity.Protocol;

/// <summary>Proof Key for Code Exchange (RFC 7636): the challenge an authorize request sends, the verifier its code is redeemed with.</summary>
internal static class Pkce
{
    public const string S256 = "S256";
    private const int MinimumLength = 43;
    private const int MaximumLength = 128;

    // RFC 7636 §4.2–4.3: S256 only (plain gives no protection when the challenge leaks); required for SPA and public clients.
    public static AadstsError? ChallengeError(string? challenge, string? method, bool required)
    {
        if (challenge is null)
        {
            return required ? Aadsts.PkceRequired() : method is null ? null : Aadsts.MissingParameter("code_challenge");
        }

        if (method != S256)
        {
            return Aadsts.PkcePlainRefused();
        }

        return challenge.Length is < MinimumLength or > MaximumLength ? Aadsts.PkceChallengeLength() : null;
    }

    // RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge; no challenge, no verifier.
    public static bool VerifierMatches(string? challenge, string? verifier)
    {
        if (challenge is null)
        {
            return verifier is null;
        }

        if (verifier is not { Length: >= MinimumLength and <= MaximumLength })
        {
            return false;
        }

        var computed = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(challenge));
    }
}
