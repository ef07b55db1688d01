using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>Hand-made private_key_jwt client assertions, for the cases client libraries never produce.</summary>
internal static class ClientAssertions
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>An assertion with the given claims (numbers or strings as given), signed RS256 by the certificate, naming it by x5t.</summary>
    public static string Create(X509Certificate2 certificate, IReadOnlyDictionary<string, object> claims)
    {
        var credentials = new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims), credentials);
    }

    public static Dictionary<string, object> Claims(string clientId, string audience, TimeSpan validFor, TimeSpan? startsIn = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        return new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["nbf"] = (now + (startsIn ?? TimeSpan.Zero)).ToUnixTimeSeconds(),
            ["exp"] = (now + validFor).ToUnixTimeSeconds(),
        };
    }
}
