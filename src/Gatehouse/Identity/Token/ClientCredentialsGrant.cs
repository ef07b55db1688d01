using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Tokens;

namespace Gatehouse.Identity.Token;

/// <summary>grant_type=client_credentials (RFC 6749 §4.4): an app-only token for the one resource the request names.</summary>
internal sealed class ClientCredentialsGrant(ClientAuthenticator authenticator, ResourceResolver resources, AccessTokenIssuer issuer)
{
    public const string GrantType = "client_credentials";

    public async Task<(TokenResult? Result, AadstsError? Error)> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (!tenant.IsSpecificTenant)
        {
            return (null, Aadsts.NeedsTenant());
        }

        var (client, authenticationError) = await authenticator.AuthenticateAsync(credentials, tenant, urls, cancellationToken);
        if (client is null)
        {
            return (null, authenticationError);
        }

        var (resourceName, scopeError) = ScopeParameter.ReadClientCredentialsResource(request, urls.V2);
        if (resourceName is null)
        {
            return (null, scopeError);
        }

        var resource = await resources.FindAsync(tenant.TenantId!.Value, resourceName, cancellationToken);
        if (resource is null)
        {
            return (null, Aadsts.ResourceNotFound(resourceName, tenant.TenantId.Value));
        }

        var token = await issuer.IssueAppOnlyAsync(client, resource, resourceName, cancellationToken);
        return (new TokenResult(token, resourceName, GrantType), null);
    }
}

/// <summary>What a successful grant returns; user flows add the scope, an ID token, client_info and a refresh token.</summary>
internal sealed record TokenResult(
    IssuedToken Token, string Resource, string GrantType, string? Scope = null, string? IdToken = null, string? ClientInfo = null, string? RefreshToken = null);
