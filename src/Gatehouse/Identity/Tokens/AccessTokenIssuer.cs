using System.Buffers.Text;
using System.Security.Cryptography;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Token;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Identity.Tokens;

/// <summary>
/// Mints access tokens with the claim set the resource asked for (reference/entra-protocol.md §4): v1.0 (Microsoft
/// Graph and every first-party API; aud as the resource was named, appid/appidacr) or v2.0 (aud the resource's
/// appId, azp/azpacr). RS256, lifetime 60–90 minutes as Entra.
/// </summary>
internal sealed class AccessTokenIssuer(SigningKeyRing keys, IssuerUrls urls, TimeProvider clock)
{
    public static readonly TimeSpan ShortestLifetime = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromMinutes(90);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>An app-only token: the client's service principal is the subject; roles are its granted application permissions.</summary>
    public async Task<IssuedToken> IssueAppOnlyAsync(AuthenticatedClient authenticated, ResourceSnapshot resource, string audienceAsNamed, CancellationToken cancellationToken)
    {
        var key = await keys.GetActiveAsync(cancellationToken);
        var client = authenticated.Client;
        var issuedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = issuedAt + RandomNumberGenerator.GetInt32((int)ShortestLifetime.TotalSeconds, (int)LongestLifetime.TotalSeconds + 1);
        var tenantId = client.TenantId.ToString();
        var v1 = resource.TokenVersion == 1;
        var issuer = v1 ? urls.V1Issuer(tenantId) : urls.V2Issuer(tenantId);

        var claims = new Dictionary<string, object>
        {
            ["aud"] = v1 ? audienceAsNamed : resource.AppId.ToString(),
            ["iss"] = issuer,
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = expiresAt,
            ["aio"] = Opaque(48),
        };
        if (v1)
        {
            claims["app_displayname"] = client.DisplayName;
            claims["appid"] = client.AppId.ToString();
            claims["appidacr"] = authenticated.AuthenticationMethod;
            claims["idp"] = issuer;
        }
        else
        {
            claims["azp"] = client.AppId.ToString();
            claims["azpacr"] = authenticated.AuthenticationMethod;
        }

        claims["idtyp"] = "app";
        claims["oid"] = client.ServicePrincipalId.ToString();
        claims["rh"] = $"0.{Opaque(32)}.";
        if (client.GrantedRolesByResource.TryGetValue(resource.AppId, out var roles) && roles.Length > 0)
        {
            claims["roles"] = roles;
        }

        claims["sub"] = client.ServicePrincipalId.ToString();
        claims["tid"] = tenantId;
        claims["uti"] = Opaque(16);
        claims["ver"] = v1 ? "1.0" : "2.0";

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = v1 ? key.CertificateCredentials : key.Credentials,
            TokenType = "JWT",
        };
        return new IssuedToken(Handler.CreateToken(descriptor), issuedAt, expiresAt);
    }

    // aio, rh and uti are opaque to clients: random base64url of the given length in bytes.
    private static string Opaque(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
