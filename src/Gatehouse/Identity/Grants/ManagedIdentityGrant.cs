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
    public async Task<Outcome<IssuedToken, ManagedIdentityError>> IssueAsync(ClientSnapshot identity, string resourceName, CancellationToken cancellationToken)
    {
        var resource = await resources.FindAsync(identity.TenantId, resourceName, cancellationToken);
        if (resource is null)
        {
            return ManagedIdentityError.From(Aadsts.ResourceNotFound(resourceName, identity.TenantId));
        }

        // appidacr 2: the platform authenticates a managed identity to Entra with a certificate.
        return await issuer.IssueAppOnlyAsync(urls, new AuthenticatedClient(identity, AuthenticatedClient.Certificate), resource, resourceName, cancellationToken);
    }
}
