using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Grants;

/// <summary>
/// grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6): the code is redeemed once, by the client it was
/// issued to, with the same redirect URI and the PKCE verifier of its challenge. A code sent to a single-page app's
/// redirect URI is redeemed only across origins, without a credential; any other only without an Origin
/// (docs/protocol/entra-protocol.md §3.7).
/// </summary>
internal sealed class AuthorizationCodeGrant(
    ClientAuthenticator authenticator, ClientRegistrations registrations, AuthorizationCodes codes, DelegatedTokens tokens, RefreshTokens refreshTokens)
{
    public const string GrantType = "authorization_code";

    public async Task<Outcome<TokenResult, AadstsError>> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, string? origin, CancellationToken cancellationToken)
    {
        if (request.Code is not { } presented)
        {
            return Aadsts.MissingParameter("code");
        }

        if (tenant.ForUserTenant(tenant.IsSpecificTenant ? null : await codes.TenantOfAsync(presented, cancellationToken)) is not { } userTenant)
        {
            return tenant.Segment == TenantRoute.Consumers ? Aadsts.NotEnabledForConsumers(request.ClientId ?? "") : Aadsts.CodeInvalid();
        }

        tenant = userTenant;

        var authenticated = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (!authenticated.Succeeded)
        {
            return authenticated.Error;
        }

        var client = authenticated.Value;

        // One conditional update decides: of two requests with one code, on any nodes, one wins.
        var (code, won) = await codes.RedeemAsync(presented, client.Client.AppId, cancellationToken);
        if (code is null || code.TenantId != tenant.TenantId || code.ClientId != client.Client.AppId)
        {
            return Aadsts.CodeInvalid();
        }

        if (!won)
        {
            if (!code.Redeemed)
            {
                return Aadsts.CodeExpired();
            }

            // RFC 6749 §4.1.2: a code used twice revokes the tokens issued on it.
            await refreshTokens.RevokeIssuedFromCodeAsync(code.CodeHash, cancellationToken);
            return Aadsts.CodeRedeemed();
        }

        // RFC 6749 §4.1.3: the same redirect_uri as the authorization request, compared exactly.
        if (request.RedirectUri != code.RedirectUri)
        {
            return Aadsts.CodeRedirectUriMismatch();
        }

        if (!Pkce.VerifierMatches(code.CodeChallenge, request.CodeVerifier))
        {
            return Aadsts.PkceMismatch();
        }

        // The code's redirect URI as the app registers it now: its platform decides the SPA rules and whether a client
        // without a credential may redeem the code.
        var application = await registrations.FindApplicationAsync(code.ClientId, cancellationToken);
        var registered = application is null ? null : RegisteredRedirectUri.Find(application, code.RedirectUri).Value;
        var spaOrigin = registered?.Platform == RedirectUriPlatform.Spa ? CrossOrigin.OriginOf(code.RedirectUri) : null;
        if (SpaRedemptionRefusal(spaOrigin, credentials, code, origin) is { } refused)
        {
            return refused;
        }

        // A client without a credential must be public: a fallback public client or a SPA / mobile and desktop redirect URI.
        if (credentials.IsPublic && (code.CodeChallenge is null || !(application is { IsFallbackPublicClient: true } || registered is { IsPublicClient: true })))
        {
            return Aadsts.NoCredential();
        }

        var user = await tokens.FindUserAsync(code.TenantId, code.UserId, cancellationToken);
        if (user is null)
        {
            return Aadsts.CodeInvalid();
        }

        return await tokens.IssueAsync(urls.Issuer, GrantType, client, user, code.ResourceAppId, code.Scope, code.Nonce, request.WantsClientInfo,
            new RefreshFamily(null, code.CodeHash, code.SessionId, spaOrigin), cancellationToken);
    }

    /// <summary>
    /// Entra's order: a single-page app is a public client (AADSTS700025), redeems across origins (AADSTS9002327) and
    /// with PKCE (AADSTS9002325); any other client never across origins (AADSTS9002326).
    /// </summary>
    private static AadstsError? SpaRedemptionRefusal(string? spaOrigin, ClientCredentials credentials, AuthorizationCode code, string? origin) =>
        spaOrigin is null ? origin is null ? null : Aadsts.CrossOriginNotSpa(origin)
        : !credentials.IsPublic ? Aadsts.PublicClientWithCredential()
        : origin is null ? Aadsts.SpaNotCrossOrigin()
        : code.CodeChallenge is null ? Aadsts.PkceRequired()
        : null;
}
