using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Grants;

/// <summary>
/// grant_type=refresh_token (RFC 6749 §6): the token is rotated on every use and the new one joins its family; a
/// rotated token presented again revokes the family (AADSTS70008). Without a scope, tokens answer for the scopes of the sign-in.
/// A single-page app's token is redeemed only across origins and keeps its family's deadline (docs/protocol/entra-protocol.md §3.7).
/// </summary>
internal sealed class RefreshTokenGrant(
    ClientAuthenticator authenticator,
    ClientRegistrations registrations,
    RefreshTokens refreshTokens,
    DelegatedTokens tokens,
    DelegatedScopes delegated,
    TimeProvider clock)
{
    public const string GrantType = "refresh_token";

    public async Task<Outcome<TokenResult, AadstsError>> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, string? origin, CancellationToken cancellationToken)
    {
        if (request.RefreshToken is not { } presented)
        {
            return Aadsts.MissingParameter("refresh_token");
        }

        var stored = await refreshTokens.FindAsync(presented, cancellationToken);
        if (tenant.ForUserTenant(tenant.IsSpecificTenant ? null : stored?.TenantId) is not { } userTenant)
        {
            return tenant.Segment == TenantRoute.Consumers ? Aadsts.NotEnabledForConsumers(request.ClientId ?? "") : Aadsts.RefreshTokenInvalid();
        }

        tenant = userTenant;

        var authenticated = await authenticator.AuthenticateOrIdentifyAsync(credentials, tenant, urls, cancellationToken);
        if (!authenticated.Succeeded)
        {
            return authenticated.Error;
        }

        var client = authenticated.Value;

        // Checked before the token is used up: whoever holds a leaked token must not be able to spend it for its client.
        if (stored is null || stored.TenantId != tenant.TenantId || stored.ClientId != client.Client.AppId)
        {
            return Aadsts.RefreshTokenInvalid();
        }

        // A token issued to a confidential client needs its credential; one issued to a public client is redeemed without.
        if (credentials.IsPublic && !stored.IsPublicClient)
        {
            return Aadsts.NoCredential();
        }

        if ((stored.SpaOrigin is null) != (origin is null))
        {
            return origin is null ? Aadsts.SpaNotCrossOrigin() : Aadsts.CrossOriginNotSpa(origin);
        }

        // The scope too, so that a refusal leaves the token usable.
        var asked = urls.V2 ? request.Scope : RequestedScopes.FromResource(request.Resource);
        var answer = new RefreshScope(stored.ResourceAppId, stored.Scope);
        if (asked is not null && stored is { Used: false, Revoked: false } && stored.ExpiresDateTime > clock.GetUtcNow())
        {
            var narrowed = await ScopeAsync(stored, asked, cancellationToken);
            if (!narrowed.Succeeded)
            {
                return narrowed.Error;
            }

            answer = narrowed.Value;
        }

        var (token, outcome) = await refreshTokens.RotateAsync(presented, cancellationToken);
        if (token is null)
        {
            return Aadsts.RefreshTokenInvalid();
        }

        switch (outcome)
        {
            case RefreshOutcome.Revoked:
                return Aadsts.RefreshTokenRevoked();
            case RefreshOutcome.Expired when token.ExpiresDateTime > clock.GetUtcNow():
                return Aadsts.RefreshTokenInvalid();
            case RefreshOutcome.Expired:
                return token.SpaOrigin is null ? Aadsts.RefreshTokenInactive() : Aadsts.SpaRefreshTokenExpired(token.ExpiresDateTime - RefreshToken.SpaLifetime);
            case RefreshOutcome.Unknown:
                return Aadsts.RefreshTokenInvalid();
        }

        var user = await tokens.FindUserAsync(token.TenantId, token.UserId, cancellationToken);
        if (user is null)
        {
            return Aadsts.RefreshTokenInvalid();
        }

        return await tokens.IssueAsync(urls.Issuer, GrantType, client, user, answer.ResourceAppId, answer.Scope, nonce: null, request.WantsClientInfo,
            new RefreshFamily(token.FamilyId, null, token.SessionId, token.SpaOrigin, token.SpaOrigin is null ? null : token.ExpiresDateTime), cancellationToken);
    }

    /// <summary>
    /// The scope asked for on refresh, as Entra reads it: any resource, but only scopes the user or an administrator
    /// has consented to now (else AADSTS65001), answered with everything granted there. The OpenID Connect scopes stay
    /// those of the sign-in, so offline_access cannot be added on refresh.
    /// </summary>
    private async Task<Outcome<RefreshScope, AadstsError>> ScopeAsync(RefreshToken token, string asked, CancellationToken cancellationToken)
    {
        var requested = RequestedScopes.Parse(asked);
        if (!requested.Succeeded)
        {
            return requested.Error;
        }

        var application = await registrations.FindApplicationAsync(token.ClientId, cancellationToken);
        if (application is null)
        {
            return Aadsts.RefreshTokenInvalid();
        }

        var request = await delegated.ResolveAsync(token.TenantId, application, requested.Value, cancellationToken);
        if (!request.Succeeded)
        {
            return request.Error;
        }

        var granted = await delegated.GrantedAsync(token.TenantId, token.ClientId, request.Value.ResourceAppId, token.UserId, cancellationToken);
        if (request.Value.Missing(granted).Count > 0)
        {
            return Aadsts.ConsentRequiredForGrant(token.ClientId);
        }

        var signedInWith = token.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(RequestedScopes.IsOidc).ToList();
        return new RefreshScope(request.Value.ResourceAppId, (request.Value with { Oidc = signedInWith }).TokenScope(granted));
    }

    /// <summary>The resource and scope the refreshed tokens are for.</summary>
    private sealed record RefreshScope(Guid ResourceAppId, string Scope);
}
