using Gatehouse.Identity.Authorize;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Tokens;

namespace Gatehouse.Identity.Token;

/// <summary>
/// grant_type=refresh_token (RFC 6749 §6): the token is rotated on every use and the new one joins its family; a
/// rotated token presented again revokes the family (AADSTS70008). Without a scope, tokens answer for the scopes of the sign-in.
/// </summary>
internal sealed class RefreshTokenGrant(
    ClientAuthenticator authenticator, RefreshTokens refreshTokens, DelegatedTokens tokens, DelegatedScopes delegated, TimeProvider clock)
{
    public const string GrantType = "refresh_token";

    public async Task<(TokenResult? Result, AadstsError? Error)> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (request.RefreshToken is not { } presented)
        {
            return (null, Aadsts.MissingParameter("refresh_token"));
        }

        var stored = await refreshTokens.FindAsync(presented, cancellationToken);
        if (tenant.ForUserTenant(tenant.IsSpecificTenant ? null : stored?.TenantId) is not { } userTenant)
        {
            return (null, tenant.Segment == TenantRoute.Consumers ? Aadsts.NotEnabledForConsumers(request.ClientId ?? "") : Aadsts.RefreshTokenInvalid());
        }

        tenant = userTenant;

        var (client, authenticationError) = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (client is null)
        {
            return (null, authenticationError);
        }

        // The scope is checked before the token is used up, so that a refusal leaves it usable.
        var asked = urls.V2 ? request.Scope : RequestedScopes.FromResource(request.Resource);
        var (resourceAppId, scope) = (stored?.ResourceAppId ?? default, stored?.Scope ?? "");
        if (asked is not null && stored is { Used: false, Revoked: false } && stored.ExpiresDateTime > clock.GetUtcNow()
            && stored.ClientId == client.Client.AppId && stored.TenantId == tenant.TenantId)
        {
            (resourceAppId, scope, var scopeError) = await ScopeAsync(stored, asked, cancellationToken);
            if (scopeError is not null)
            {
                return (null, scopeError);
            }
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

        return await tokens.IssueAsync(GrantType, client, user, resourceAppId, scope, nonce: null, request.WantsClientInfo,
            new RefreshFamily(token.FamilyId, null), cancellationToken);
    }

    /// <summary>
    /// The scope asked for on refresh, as Entra reads it: any resource, but only scopes the user or an administrator
    /// has consented to now (else AADSTS65001), answered with everything granted there. The OpenID Connect scopes stay
    /// those of the sign-in, so offline_access cannot be added on refresh.
    /// </summary>
    private async Task<(Guid ResourceAppId, string Scope, AadstsError? Error)> ScopeAsync(RefreshToken token, string asked, CancellationToken cancellationToken)
    {
        var (requested, parseError) = RequestedScopes.Parse(asked);
        var application = requested is null ? null : await delegated.FindApplicationAsync(token.ClientId, cancellationToken);
        if (requested is null || application is null)
        {
            return (default, "", parseError ?? Aadsts.RefreshTokenInvalid());
        }

        var (request, resolveError) = await delegated.ResolveAsync(token.TenantId, application, requested, cancellationToken);
        if (request is null)
        {
            return (default, "", resolveError);
        }

        var granted = await delegated.GrantedAsync(token.TenantId, token.ClientId, request.ResourceAppId, token.UserId, cancellationToken);
        if (request.Missing(granted).Count > 0)
        {
            return (default, "", Aadsts.ConsentRequiredForGrant(token.ClientId));
        }

        var signedInWith = token.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(RequestedScopes.IsOidc).ToList();
        return (request.ResourceAppId, (request with { Oidc = signedInWith }).TokenScope(granted), null);
    }
}
