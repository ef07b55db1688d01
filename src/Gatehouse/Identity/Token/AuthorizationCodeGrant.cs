using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Data;
using Gatehouse.Identity.Authorize;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Token;

/// <summary>
/// grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6): the code is redeemed once, by the client it was
/// issued to, with the same redirect URI and the PKCE verifier of its challenge.
/// </summary>
internal sealed class AuthorizationCodeGrant(
    IServiceScopeFactory scopes, ClientAuthenticator authenticator, AuthorizationCodes codes, DelegatedTokens tokens, RefreshTokens refreshTokens)
{
    public const string GrantType = "authorization_code";

    public async Task<(TokenResult? Result, AadstsError? Error)> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (request.Code is not { } presented)
        {
            return (null, Aadsts.MissingParameter("code"));
        }

        if (tenant.ForUserTenant(tenant.IsSpecificTenant ? null : await codes.TenantOfAsync(presented, cancellationToken)) is not { } userTenant)
        {
            return (null, tenant.Segment == TenantRoute.Consumers ? Aadsts.NotEnabledForConsumers(request.ClientId ?? "") : Aadsts.CodeInvalid());
        }

        tenant = userTenant;

        var (client, authenticationError) = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (client is null)
        {
            return (null, authenticationError);
        }

        // One conditional update decides: of two requests with one code, on any nodes, one wins.
        var (code, won) = await codes.RedeemAsync(presented, client.Client.AppId, cancellationToken);
        if (code is null || code.TenantId != tenant.TenantId || code.ClientId != client.Client.AppId)
        {
            return (null, Aadsts.CodeInvalid());
        }

        if (!won)
        {
            if (!code.Redeemed)
            {
                return (null, Aadsts.CodeExpired());
            }

            // RFC 6749 §4.1.2: a code used twice revokes the tokens issued on it.
            await refreshTokens.RevokeIssuedFromCodeAsync(code.CodeHash, cancellationToken);
            return (null, Aadsts.CodeRedeemed());
        }

        // RFC 6749 §4.1.3: the same redirect_uri as the authorization request, compared exactly.
        if (request.RedirectUri != code.RedirectUri)
        {
            return (null, Aadsts.CodeRedirectUriMismatch());
        }

        if (!VerifierMatches(code, request.CodeVerifier))
        {
            return (null, Aadsts.PkceMismatch());
        }

        // A client without a credential must be public: a fallback public client or a SPA / mobile and desktop redirect URI.
        if (credentials.IsPublic && (code.CodeChallenge is null || !await MayRedeemWithoutSecretAsync(code, cancellationToken)))
        {
            return (null, Aadsts.NoCredential());
        }

        var user = await tokens.FindUserAsync(code.TenantId, code.UserId, cancellationToken);
        if (user is null)
        {
            return (null, Aadsts.CodeInvalid());
        }

        return await tokens.IssueAsync(GrantType, client, user, code.ResourceAppId, code.Scope, code.Nonce, request.WantsClientInfo,
            new RefreshFamily(null, code.CodeHash), cancellationToken);
    }

    // RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge.
    private static bool VerifierMatches(AuthorizationCode code, string? verifier)
    {
        if (code.CodeChallenge is null)
        {
            return verifier is null;
        }

        if (verifier is not { Length: >= 43 and <= 128 })
        {
            return false;
        }

        var computed = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(code.CodeChallenge));
    }

    private async Task<bool> MayRedeemWithoutSecretAsync(AuthorizationCode code, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var app = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.AppId == code.ClientId, cancellationToken);
        return app is not null
            && (app.IsFallbackPublicClient || app.SpaRedirectUris.Contains(code.RedirectUri) || app.PublicClientRedirectUris.Contains(code.RedirectUri));
    }
}
