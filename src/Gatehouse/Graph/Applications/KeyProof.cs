using System.Security.Cryptography.X509Certificates;
using Gatehouse.DirectoryObjects.Applications;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Graph.Applications;

/// <summary>
/// The proof of possession addKey and removeKey require (application-addkey, docs/protocol/graph-dataverse.md §2.3): a JWT
/// signed with one of the app's current certificates, aud 00000002-0000-0000-c000-000000000000, iss the application's
/// object id, and a lifetime (exp − nbf) of at most ten minutes that includes now.
/// </summary>
internal static class KeyProof
{
    public const string Audience = "00000002-0000-0000-c000-000000000000";

    private static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly JsonWebTokenHandler Handler = new();

    public static async Task<bool> IsValidAsync(string? proof, Application application, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(proof) || proof.Length > 16 * 1024 || !Handler.CanReadToken(proof))
        {
            return false;
        }

        var token = Handler.ReadJsonWebToken(proof);
        if (token.ValidFrom == DateTime.MinValue || token.ValidTo == DateTime.MinValue || token.ValidTo - token.ValidFrom > MaximumLifetime
            || now.UtcDateTime < token.ValidFrom - ClockSkew || now.UtcDateTime >= token.ValidTo + ClockSkew)
        {
            return false;
        }

        var keys = new List<SecurityKey>();
        foreach (var credential in application.KeyCredentials.Where(k => k.StartDateTime <= now && now < k.EndDateTime))
        {
            using var certificate = X509CertificateLoader.LoadCertificate(credential.Key);
            if (certificate.GetRSAPublicKey() is { } publicKey)
            {
                keys.Add(new RsaSecurityKey(publicKey));
            }
        }

        if (keys.Count == 0)
        {
            return false;
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
            ValidAudience = Audience,
            ValidIssuer = application.Id.ToString(),
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = true,

            // Checked above against the injected clock.
            ValidateLifetime = false,
        });
        return result.IsValid;
    }
}
