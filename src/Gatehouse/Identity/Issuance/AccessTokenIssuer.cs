using System.Buffers.Text;
using System.Security.Cryptography;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Keys;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Identity.Issuance;

/// <summary>
/// Mints access tokens with the claim set the resource asked for (docs/protocol/entra-protocol.md §4): v1.0 (Microsoft
/// Graph and every first-party API; aud as the resource was named, appid/appidacr) or v2.0 (aud the resource's
/// appId, azp/azpacr). RS256, lifetime 60–90 minutes as Entra.
/// </summary>
internal sealed class AccessTokenIssuer(SigningKeyRing keys, AccessTokenLifetime lifetime, TimeProvider clock)
{
    public static readonly TimeSpan ShortestLifetime = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromMinutes(90);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// An app-only token: the client's service principal is the subject; roles are its granted application permissions.
    /// Every token names the issuer of the URLs it was asked under (<see cref="IssuerUrls.For"/>).
    /// </summary>
    public async Task<IssuedToken> IssueAppOnlyAsync(
        IssuerUrls urls, AuthenticatedClient authenticated, ResourceSnapshot resource, string audienceAsNamed, CancellationToken cancellationToken)
    {
        var key = await keys.GetActiveAsync(cancellationToken);
        var client = authenticated.Client;
        var issuedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = issuedAt + LifetimeSeconds();
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

    /// <summary>
    /// A delegated token (docs/protocol/entra-protocol.md §4.2): the user is the subject, scp the granted scopes; v1.0
    /// names the user with upn and unique_name, v2.0 with preferred_username.
    /// </summary>
    public async Task<IssuedToken> IssueDelegatedAsync(
        IssuerUrls urls, AuthenticatedClient authenticated, ResourceSnapshot resource, SignedInUser user, string scope, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var key = await keys.GetActiveAsync(cancellationToken);
        var client = authenticated.Client;
        var issuedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = issuedAt + LifetimeSeconds();
        var tenantId = user.TenantId.ToString();
        var v1 = resource.TokenVersion == 1;
        var claims = new Dictionary<string, object>
        {
            ["aud"] = v1 && resource.DelegatedAudience is not null ? resource.DelegatedAudience : resource.AppId.ToString(),
            ["iss"] = v1 ? urls.V1Issuer(tenantId) : urls.V2Issuer(tenantId),
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = expiresAt,
            ["aio"] = Opaque(48),
            ["name"] = user.DisplayName,
            ["oid"] = user.Id.ToString(),
            ["rh"] = $"0.{Opaque(32)}.",
            ["scp"] = scope,
            ["sub"] = PairwiseSubject(user.Id, client.AppId),
            ["tid"] = tenantId,
            ["uti"] = Opaque(16),
            ["ver"] = v1 ? "1.0" : "2.0",
        };
        if (v1)
        {
            claims["acr"] = "1";
            claims["amr"] = new[] { "pwd" };
            claims["app_displayname"] = client.DisplayName;
            claims["appid"] = client.AppId.ToString();
            claims["appidacr"] = authenticated.AuthenticationMethod;
            claims["idtyp"] = "user";
            claims["unique_name"] = user.UserPrincipalName;
            claims["upn"] = user.UserPrincipalName;
        }
        else
        {
            claims["azp"] = client.AppId.ToString();
            claims["azpacr"] = authenticated.AuthenticationMethod;
            claims["preferred_username"] = user.UserPrincipalName;
        }

        if (roles.Count > 0)
        {
            claims["roles"] = roles;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = v1 ? key.CertificateCredentials : key.Credentials,
            TokenType = "JWT",
        };
        return new IssuedToken(Handler.CreateToken(descriptor), issuedAt, expiresAt);
    }

    /// <summary>
    /// The v2.0 ID token (docs/protocol/entra-protocol.md §4.3, OpenID Connect Core §2): for the client, about the user; sid
    /// names the sign-in session, and c_hash and at_hash the code and access token it accompanies when the authorize
    /// endpoint issues it.
    /// </summary>
    public async Task<string> IssueIdTokenAsync(
        IssuerUrls urls, Guid clientId, SignedInUser user, string? nonce, IReadOnlyList<string> roles, string? sessionId, FrontChannel accompanies,
        CancellationToken cancellationToken)
    {
        var key = await keys.GetActiveAsync(cancellationToken);
        var issuedAt = clock.GetUtcNow().ToUnixTimeSeconds();
        var tenantId = user.TenantId.ToString();
        var claims = new Dictionary<string, object>
        {
            ["aud"] = clientId.ToString(),
            ["iss"] = urls.V2Issuer(tenantId),
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = issuedAt + (long)IdTokenLifetime.TotalSeconds,
            ["aio"] = Opaque(48),
            ["name"] = user.DisplayName,
            ["oid"] = user.Id.ToString(),
            ["preferred_username"] = user.UserPrincipalName,
            ["rh"] = $"0.{Opaque(32)}.",
            ["sub"] = PairwiseSubject(user.Id, clientId),
            ["tid"] = tenantId,
            ["uti"] = Opaque(16),
            ["ver"] = "2.0",
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        if (roles.Count > 0)
        {
            claims["roles"] = roles;
        }

        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        if (accompanies.Code is { } code)
        {
            claims["c_hash"] = LeftHalfHash(code);
        }

        if (accompanies.AccessToken is { } accessToken)
        {
            claims["at_hash"] = LeftHalfHash(accessToken);
        }

        return Handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = key.Credentials, TokenType = "JWT" });
    }

    /// <summary>Entra's random 60–90 minutes, unless the operator fixed a lifetime (to exercise refresh in tests).</summary>
    private long LifetimeSeconds() => lifetime.Fixed is { } fixedLifetime
        ? (long)fixedLifetime.TotalSeconds
        : RandomNumberGenerator.GetInt32((int)ShortestLifetime.TotalSeconds, (int)LongestLifetime.TotalSeconds + 1);

    public static readonly TimeSpan IdTokenLifetime = TimeSpan.FromHours(1);

    // Entra's sub is pairwise: the same user has a different sub in each app, stable across sign-ins.
    private static string PairwiseSubject(Guid userId, Guid clientId) =>
        Base64Url.EncodeToString(SHA256.HashData([.. userId.ToByteArray(), .. clientId.ToByteArray()]).AsSpan(0, 32))[..43];

    // OpenID Connect Core §3.3.2.11 (c_hash), §3.2.2.10 (at_hash): base64url of the left half of the SHA-256 of the ASCII value, for an RS256 token.
    private static string LeftHalfHash(string value) =>
        Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(value)).AsSpan(0, 16));

    // aio, rh and uti are opaque to clients: random base64url of the given length in bytes.
    private static string Opaque(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
