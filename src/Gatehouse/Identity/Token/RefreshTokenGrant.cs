using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Tokens;

namespace Gatehouse.Identity.Token;

/// <summary>
/// grant_type=refresh_token (RFC 6749 §6): the token is rotated on every use and the new one joins its family; a
/// rotated token presented again revokes the family (AADSTS70008). Tokens answer for the scopes of the sign-in.
/// </summary>
internal sealed class RefreshTokenGrant(ClientAuthenticator authenticator, RefreshTokens refreshTokens, DelegatedTokens tokens, TimeProvider clock)
{
    public const string GrantType = "refresh_token";

    public async Task<(TokenResult? Result, AadstsError? Error)> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (!tenant.IsSpecificTenant)
        {
            return (null, Aadsts.NeedsTenant());
        }

        if (request.RefreshToken is not { } presented)
        {
            return (null, Aadsts.MissingParameter("refresh_token"));
        }

        var (client, authenticationError) = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (client is null)
        {
            return (null, authenticationError);
        }

        var (token, outcome) = await refreshTokens.RotateAsync(presented, cancellationToken);
        if (token is null || token.TenantId != tenant.TenantId || token.ClientId != client.Client.AppId)
        {
            return (null, Aadsts.RefreshTokenInvalid());
        }

        switch (outcome)
        {
            case RefreshOutcome.Revoked:
                return (null, Aadsts.RefreshTokenRevoked());
            case RefreshOutcome.Expired:
                return (null, token.ExpiresDateTime <= clock.GetUtcNow() ? Aadsts.RefreshTokenInactive() : Aadsts.RefreshTokenInvalid());
            case RefreshOutcome.Unknown:
                return (null, Aadsts.RefreshTokenInvalid());
        }

        // A token issued to a confidential client needs its credential; one issued to a public client is redeemed without.
        if (credentials.IsPublic && !token.IsPublicClient)
        {
            return (null, Aadsts.NoCredential());
        }

        var user = await tokens.FindUserAsync(token.TenantId, token.UserId, cancellationToken);
        if (user is null)
        {
            return (null, Aadsts.RefreshTokenInvalid());
        }

        return await tokens.IssueAsync(GrantType, client, user, token.ResourceAppId, token.Scope, nonce: null, request.WantsClientInfo,
            new RefreshFamily(token.FamilyId, null), cancellationToken);
    }
}
