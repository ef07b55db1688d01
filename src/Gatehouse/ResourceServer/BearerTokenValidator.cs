using Gatehouse.Identity.Keys;
using Gatehouse.Identity.Protocol;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.ResourceServer;

/// <summary>
/// Accepts Gatehouse access tokens the way a resource server accepts Entra's (RFC 6750, RFC 7519 §7.2): RS256 signed
/// by a published key of this server's key ring, issued by the token's own tenant (v1.0 or v2.0 issuer, on Gatehouse's
/// URL or Microsoft's, docs/protocol/microsoft-hosts.md §3), for one of the resource's audiences, within its lifetime.
/// Each API names its audiences: Graph, Resource Manager, Dataverse.
/// </summary>
internal sealed class BearerTokenValidator(SigningKeyRing keys, IssuerUrls urls, TimeProvider clock)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<Outcome<Caller, TokenRejection>> ValidateAsync(
        string? authorization, IReadOnlyCollection<string> audiences, CancellationToken cancellationToken)
    {
        if (TokenOf(authorization) is not { } token)
        {
            return TokenRejection.Missing;
        }

        if (Read(token) is not { } read || TenantOf(read) is not { } tenantId)
        {
            return TokenRejection.Malformed;
        }

        var published = await keys.GetPublishedAsync(cancellationToken);
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = [.. published.Select(k => k.Credentials.Key)],
            ValidIssuers = ValidIssuers(tenantId.ToString()),
            ValidAudiences = audiences,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,

            // Checked below against the injected clock.
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenInvalidAudienceException => TokenRejection.InvalidAudience,
                SecurityTokenInvalidIssuerException => TokenRejection.InvalidIssuer,
                SecurityTokenMalformedException => TokenRejection.Malformed,
                _ => TokenRejection.InvalidSignature,
            };
        }

        // RFC 7519 §4.1.4–4.1.5, with the five minutes of clock skew validators customarily allow.
        var now = clock.GetUtcNow().UtcDateTime;
        if (read.ValidTo == DateTime.MinValue || read.ValidTo + ClockSkew <= now)
        {
            return TokenRejection.Expired;
        }

        if (read.ValidFrom != DateTime.MinValue && read.ValidFrom - ClockSkew > now)
        {
            return TokenRejection.NotYetValid;
        }

        return Describe(read, tenantId) is { } caller ? caller : TokenRejection.Malformed;
    }

    // Whichever host a token was asked under, Gatehouse signed it: a token minted under its own URL works under
    // graph.microsoft.com, and one minted under login.microsoftonline.com works under Gatehouse's own URL.
    private string[] ValidIssuers(string tenantId) =>
        [urls.V1Issuer(tenantId), urls.V2Issuer(tenantId), IssuerUrls.Microsoft.V1Issuer(tenantId), IssuerUrls.Microsoft.V2Issuer(tenantId)];

    /// <summary>The tenant a bearer token says it is from, before anything about it is verified; null if it names none.</summary>
    public static Guid? ClaimedTenant(string? authorization) =>
        TokenOf(authorization) is { } token && Read(token) is { } read ? TenantOf(read) : null;

    // RFC 6750 §2.1: the scheme is case-insensitive.
    private static string? TokenOf(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && authorization[7..].Trim() is { Length: > 0 } token ? token : null;

    private static Guid? TenantOf(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("tid", out var tenant) && Guid.TryParse(tenant, out var tenantId) ? tenantId : null;

    /// <summary>
    /// The token's parts, or null for text that only looks like a JWT: three or five dot-separated parts pass
    /// CanReadToken, but a part that is not base64url JSON makes ReadJsonWebToken throw.
    /// </summary>
    private static JsonWebToken? Read(string token)
    {
        if (!Handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException is an ArgumentException.
            return null;
        }
    }

    private static Caller? Describe(JsonWebToken token, Guid tenantId)
    {
        var client = token.TryGetPayloadValue<string>("appid", out var appId) ? appId
            : token.TryGetPayloadValue<string>("azp", out var azp) ? azp : null;
        if (!Guid.TryParse(client, out var clientAppId)
            || !token.TryGetPayloadValue<string>("oid", out var oid) || !Guid.TryParse(oid, out var objectId))
        {
            return null;
        }

        var delegated = token.TryGetPayloadValue<string>("scp", out var scp);
        var roles = token.TryGetPayloadValue<string[]>("roles", out var granted) ? granted : [];
        return new Caller(
            tenantId,
            clientAppId,
            objectId,
            delegated,
            new HashSet<string>(roles, StringComparer.Ordinal),
            new HashSet<string>((scp ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal));
    }
}
