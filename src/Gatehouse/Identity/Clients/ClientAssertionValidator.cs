using System.Globalization;
using Gatehouse.Data;
using Gatehouse.Identity.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// Validates a private_key_jwt client assertion (RFC 7523 §3; docs/protocol/entra-protocol.md §3.2): signed with RS256 or
/// PS256 by a certificate registered on the app and named by x5t, x5t#S256 or x5c; aud the token URL; iss = sub =
/// the client ID; within nbf/exp (numbers or, as MSAL.NET sends them, strings); jti used once.
/// </summary>
internal sealed class ClientAssertionValidator(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaximumLength = 16 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    /// <summary>The assertion's iss, for requests that name the client only there.</summary>
    public static string? ReadIssuer(string assertion) =>
        Read(assertion) is { } token && token.TryGetPayloadValue<string>("iss", out var issuer) ? issuer : null;

    /// <summary>The certificate that signed a valid assertion, or why the assertion is refused.</summary>
    public async Task<Outcome<CertificateVerifier, AadstsError>> ValidateAsync(ClientSnapshot client, string assertion, IReadOnlyCollection<string> tokenUrls, CancellationToken cancellationToken)
    {
        if (Read(assertion) is not { } token)
        {
            return Aadsts.MalformedAssertion("The client_assertion is not a signed JWT.");
        }

        if (!Algorithms.Contains(token.Alg))
        {
            return Aadsts.MalformedAssertion($"The assertion's alg '{token.Alg}' is not RS256 or PS256.");
        }

        var certificate = FindCertificate(client, token);
        if (certificate is null)
        {
            return Aadsts.AssertionKeyNotFound();
        }

        var now = clock.GetUtcNow();
        if (now < certificate.Start || now >= certificate.End)
        {
            return Aadsts.AssertionExpiredKey();
        }

        var lifetime = Lifetime(token);
        if (!lifetime.Succeeded)
        {
            return lifetime.Error;
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(certificate.PublicKey),
            ValidAlgorithms = Algorithms,
            ValidAudiences = tokenUrls,
            ValidateIssuer = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!result.IsValid)
        {
            return result.Exception switch
            {
                SecurityTokenInvalidAudienceException => Aadsts.MalformedAssertion("The assertion's aud must be the token endpoint URL."),
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => Aadsts.AssertionBadSignature(),
                _ => Aadsts.MalformedAssertion("The assertion could not be validated."),
            };
        }

        if (!NamesClient(token, "iss", client.AppId) || !NamesClient(token, "sub", client.AppId))
        {
            return Aadsts.AssertionIssuer();
        }

        if (!token.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti) || jti.Length > 256)
        {
            return Aadsts.MalformedAssertion("The assertion has no jti.");
        }

        return await UseOnceAsync(client.AppId, jti, lifetime.Value + ClockSkew, cancellationToken)
            ? certificate
            : Aadsts.AssertionReplayed();
    }

    /// <summary>The assertion as a signed JWT; null when it is not one.</summary>
    private static JsonWebToken? Read(string assertion)
    {
        if (assertion.Length > MaximumLength || !Handler.CanReadToken(assertion))
        {
            return null;
        }

        try
        {
            var token = Handler.ReadJsonWebToken(assertion);
            return string.IsNullOrEmpty(token.EncodedSignature) ? null : token;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return null;
        }
    }

    private static CertificateVerifier? FindCertificate(ClientSnapshot client, JsonWebToken token)
    {
        if (token.TryGetHeaderValue<string>("x5t#S256", out var sha256))
        {
            return client.Certificates.FirstOrDefault(c => c.X5tS256 == sha256);
        }

        if (token.TryGetHeaderValue<string>("x5t", out var sha1))
        {
            return client.Certificates.FirstOrDefault(c => c.X5t == sha1);
        }

        // RFC 7515 §4.1.6: without a thumbprint, the first x5c entry is the signing certificate.
        if (token.TryGetHeaderValue<string[]>("x5c", out var chain) && chain is [var first, ..])
        {
            Span<byte> der = stackalloc byte[8192];
            if (!Convert.TryFromBase64String(first, der, out var length))
            {
                return null;
            }

            var thumbprint = Thumbprints.X5tS256(der[..length]);
            return client.Certificates.FirstOrDefault(c => c.X5tS256 == thumbprint);
        }

        return null;
    }

    /// <summary>The assertion's exp, if it has one and the assertion is within nbf/exp give or take the clock skew.</summary>
    private Outcome<DateTimeOffset, AadstsError> Lifetime(JsonWebToken token)
    {
        var notBefore = ReadTime(token, "nbf");
        if (ReadTime(token, "exp") is not { } expires)
        {
            return Aadsts.MalformedAssertion("The assertion has no exp.");
        }

        var now = clock.GetUtcNow();
        return now > expires + ClockSkew || (notBefore is not null && now < notBefore - ClockSkew)
            ? Aadsts.AssertionOutsideLifetime(now, notBefore, expires)
            : expires;
    }

    // MSAL.NET sends nbf and exp as JSON strings; RFC 7519 says numbers. Both are read.
    private static DateTimeOffset? ReadTime(JsonWebToken token, string name) =>
        token.TryGetClaim(name, out var claim) && long.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static bool NamesClient(JsonWebToken token, string claim, Guid clientId) =>
        token.TryGetPayloadValue<string>(claim, out var value) && Guid.TryParse(value, out var named) && named == clientId;

    /// <summary>Records the jti; false when it was recorded before. The primary key makes this atomic across nodes.</summary>
    private async Task<bool> UseOnceAsync(Guid clientId, string jti, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var now = clock.GetUtcNow();
        await db.UsedClientAssertions.Where(a => a.ExpiresDateTime < now).ExecuteDeleteAsync(cancellationToken);
        db.UsedClientAssertions.Add(new UsedClientAssertion { ClientId = clientId, Jti = jti, ExpiresDateTime = keepUntil });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
