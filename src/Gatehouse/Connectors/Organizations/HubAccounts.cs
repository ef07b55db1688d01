using Gatehouse.Connectors.Vault;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Connectors.Organizations;

/// <summary>Organizations and their users, known only by the hashes of their secrets.</summary>
internal sealed class HubAccounts(GatehouseDb db, TimeProvider clock)
{
    /// <summary>A new organization with its first user; the secrets are returned this once and stored hashed.</summary>
    public async Task<NewHubAccount> CreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organizationSecret = HashedSecret.NewHex();
        var userSecret = HashedSecret.NewBase64();
        var organizationHash = HashedSecret.Of(organizationSecret);
        var userHash = HashedSecret.Of(userSecret);
        var organization = new HubOrganization
        {
            Id = Guid.NewGuid(),
            SecretLookup = organizationHash.Lookup,
            SecretSalt = organizationHash.Salt,
            SecretHash = organizationHash.Hash,
            CreatedDateTime = now,
        };
        var user = new HubUser
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            SecretLookup = userHash.Lookup,
            SecretSalt = userHash.Salt,
            SecretHash = userHash.Hash,
            CreatedDateTime = now,
        };
        db.HubOrganizations.Add(organization);
        db.HubUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return new NewHubAccount(organization.Id, user.Id, organizationSecret, userSecret);
    }

    public async Task<HubOrganization?> FindOrganizationAsync(string secret, CancellationToken cancellationToken)
    {
        var lookup = HashedSecret.LookupOf(secret);
        var candidates = await db.HubOrganizations.AsNoTracking().Where(o => o.SecretLookup == lookup).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(o => HashedSecret.Matches(o.SecretSalt, o.SecretHash, secret));
    }

    public async Task<HubUser?> FindUserAsync(string secret, CancellationToken cancellationToken)
    {
        var lookup = HashedSecret.LookupOf(secret);
        var candidates = await db.HubUsers.AsNoTracking().Where(u => u.SecretLookup == lookup).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(u => HashedSecret.Matches(u.SecretSalt, u.SecretHash, secret));
    }
}

/// <summary>The only time an organization's and its user's secrets exist in clear.</summary>
internal sealed record NewHubAccount(Guid OrganizationId, Guid UserId, string OrganizationSecret, string UserSecret);
