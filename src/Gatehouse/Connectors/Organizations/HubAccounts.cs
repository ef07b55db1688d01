using Gatehouse.Connectors.Vault;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Connectors.Organizations;

/// <summary>Organizations and their users, known only by the hashes of their secrets.</summary>
internal sealed class HubAccounts(GatehouseDb db, HubSnapshots snapshots, TimeProvider clock)
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

    public Task<HubOrganization?> FindOrganizationAsync(string secret, CancellationToken cancellationToken) =>
        snapshots.Organizations.FindAsync(secret, (lookup, ct) => db.HubOrganizations.AsNoTracking().Where(o => o.SecretLookup == lookup).ToListAsync(ct), cancellationToken);

    public Task<HubUser?> FindUserAsync(string secret, CancellationToken cancellationToken) =>
        snapshots.Users.FindAsync(secret, (lookup, ct) => db.HubUsers.AsNoTracking().Where(u => u.SecretLookup == lookup).ToListAsync(ct), cancellationToken);
}

/// <summary>The only time an organization's and its user's secrets exist in clear.</summary>
internal sealed record NewHubAccount(Guid OrganizationId, Guid UserId, string OrganizationSecret, string UserSecret);
