using System.Net;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;

namespace Gatehouse.Identity.Grants;

/// <summary>The grants the token endpoint offers, chosen by grant_type (RFC 6749 §4; RFC 8628 §3.4).</summary>
internal sealed class TokenGrants(
    ClientCredentialsGrant clientCredentials,
    AuthorizationCodeGrant authorizationCode,
    RefreshTokenGrant refreshToken,
    DeviceCodeGrant deviceCode,
    PasswordGrant password)
{
    /// <param name="origin">The page's origin when a browser sends the request across origins, which single-page apps must do.</param>
    /// <param name="remoteAddress">The caller's address, which the password grant counts failed sign-ins against.</param>
    public Task<Outcome<TokenResult, AadstsError>> GrantAsync(
        string grantType, TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, string? origin, IPAddress? remoteAddress,
        CancellationToken cancellationToken) =>
        grantType switch
        {
            ClientCredentialsGrant.GrantType => clientCredentials.HandleAsync(request, credentials, tenant, urls, cancellationToken),
            AuthorizationCodeGrant.GrantType => authorizationCode.HandleAsync(request, credentials, tenant, urls, origin, cancellationToken),
            RefreshTokenGrant.GrantType => refreshToken.HandleAsync(request, credentials, tenant, urls, origin, cancellationToken),
            DeviceCodeGrant.GrantType or DeviceCodeGrant.MsalGrantType => deviceCode.HandleAsync(request, credentials, tenant, urls, cancellationToken),
            PasswordGrant.GrantType => password.HandleAsync(request, credentials, tenant, urls, remoteAddress, cancellationToken),
            _ => Task.FromResult<Outcome<TokenResult, AadstsError>>(Aadsts.UnsupportedGrant(grantType)),
        };
}
