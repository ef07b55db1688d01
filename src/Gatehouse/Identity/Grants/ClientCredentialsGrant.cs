using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Grants;

/// <summary>grant_type=client_credentials (RFC 6749 §4.4): an app-only token for the one resource the request names.</summary>
internal sealed class ClientCredentialsGrant(ClientAuthenticator authenticator, ResourceResolver resources, AccessTokenIssuer issuer)
{
    public const string GrantType = "client_credentials";

    public async Task<Outcome<TokenResult, AadstsError>> HandleAsync(
        TokenRequest request, ClientCredentials credentials, TenantRoute tenant, TokenEndpointUrls urls, CancellationToken cancellationToken)
    {
        if (tenant.TenantId is not { } tenantId)
        {
            return Aadsts.NeedsTenant();
        }

        var client = await authenticator.AuthenticateAsync(credentials, tenant, urls, cancellationToken);
        if (!client.Succeeded)
        {
            return client.Error;
        }

        var resourceName = ScopeParameter.ReadClientCredentialsResource(request, urls.V2);
        if (!resourceName.Succeeded)
        {
            return resourceName.Error;
        }

        var resource = await resources.FindAsync(tenantId, resourceName.Value, cancellationToken);
        if (resource is null)
        {
            return Aadsts.ResourceNotFound(resourceName.Value, tenantId);
        }

        var token = await issuer.IssueAppOnlyAsync(urls.Issuer, client.Value, resource, resourceName.Value, cancellationToken);
        return new TokenResult(token, resourceName.Value, GrantType, client.Value, resource);
    }
}
