using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Grants;

/// <summary>
/// A managed identity's token (docs/protocol/entra-protocol.md §8.4): app-only, for the resource the request names,
/// with the roles granted to the identity's service principal on it, as client credentials issue.
/// </summary>
internal sealed class ManagedIdentityGrant(ResourceResolver resources, AccessTokenIssuer issuer, IssuerUrls urls)
{
    /// <summary>How the sign-in log names these requests, which carry no OAuth grant type.</summary>
    public const string GrantType = "managed_identity";

    public async Task<Outcome<TokenResult, AadstsError>> IssueAsync(ClientSnapshot identity, string resourceName, CancellationToken cancellationToken)
    {
        var resource = await resources.FindAsync(identity.TenantId, resourceName, cancellationToken);
        if (resource is null)
        {
            return Aadsts.ResourceNotFound(resourceName, identity.TenantId);
        }

        // appidacr 2: the platform authenticates a managed identity to Entra with a certificate.
        var client = new AuthenticatedClient(identity, AuthenticatedClient.Certificate);
        var token = await issuer.IssueAppOnlyAsync(urls, client, resource, resourceName, cancellationToken);
        return new TokenResult(token, resourceName, GrantType, client, resource);
    }
}
