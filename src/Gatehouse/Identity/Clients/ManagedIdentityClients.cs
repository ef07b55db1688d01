using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.Identity.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Identity.Clients;

/// <summary>
/// Finds the managed identity a request to the IMDS or App Service endpoint names, among every tenant's identities
/// (kept until the store changes), and the token client it is. An identity the kept list does not know is looked for
/// once more in the store: an identity works the moment the CLI has printed it.
/// </summary>
internal sealed class ManagedIdentityClients(IServiceScopeFactory scopes, StoreChanges changes, ClientSnapshots clients)
{
    private readonly SnapshotCache<string, KnownIdentities> cache = new(changes);

    /// <summary>
    /// IMDS (the caller is on this host): any identity by its IDs; with none named, the system-assigned identity of the
    /// default tenant (the oldest), which must be its only one.
    /// </summary>
    public ValueTask<Outcome<ClientSnapshot, ManagedIdentityError>> FindOnHostAsync(IdentitySelector selector, CancellationToken cancellationToken) =>
        FindAsync(known => OnHost(known, selector), cancellationToken);

    /// <summary>
    /// App Service: the header is a system-assigned identity's; it gets tokens for that identity, or for a user-assigned
    /// identity of the same tenant (Azure attaches those to the app; Gatehouse has no apps, so the tenant is the bound).
    /// </summary>
    public ValueTask<Outcome<ClientSnapshot, ManagedIdentityError>> FindForHeaderAsync(
        IdentitySelector selector, string identityHeader, CancellationToken cancellationToken) =>
        FindAsync(known => ForHeader(known, selector, identityHeader), cancellationToken);

    private async ValueTask<Outcome<ClientSnapshot, ManagedIdentityError>> FindAsync(
        Func<KnownIdentities, Outcome<KnownIdentity, ManagedIdentityError>> select, CancellationToken cancellationToken)
    {
        var found = select(await cache.GetAsync("", scopes, LoadAsync, cancellationToken) ?? KnownIdentities.None);
        if (!found.Succeeded)
        {
            found = select(await cache.ReloadAsync("", scopes, LoadAsync, cancellationToken) ?? KnownIdentities.None);
        }

        if (!found.Succeeded)
        {
            return found.Error;
        }

        var identity = found.Value;
        var client = await clients.FindAsync(identity.TenantId, identity.AppId, cancellationToken)
            ?? await clients.ReloadAsync(identity.TenantId, identity.AppId, cancellationToken);
        return client is null ? ManagedIdentityError.IdentityNotFound() : client;
    }

    private static Outcome<KnownIdentity, ManagedIdentityError> OnHost(KnownIdentities known, IdentitySelector selector)
    {
        if (!selector.NamesNone)
        {
            return Named(known, selector) is { } named ? named : ManagedIdentityError.IdentityNotFound();
        }

        var candidates = known.Identities.Where(i => i.TenantId == known.DefaultTenantId && !i.IsUserAssigned).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => ManagedIdentityError.NoDefaultIdentity(
                "the default tenant has no system-assigned identity; name one with client_id, object_id or msi_res_id."),
            _ => ManagedIdentityError.NoDefaultIdentity(
                $"the default tenant has several system-assigned identities ({string.Join(", ", candidates.Select(c => $"{c.DisplayName}: client_id {c.AppId}"))}); name one with client_id."),
        };
    }

    private static Outcome<KnownIdentity, ManagedIdentityError> ForHeader(KnownIdentities known, IdentitySelector selector, string identityHeader)
    {
        var host = known.Identities.FirstOrDefault(i =>
            i.HeaderSalt is not null && i.HeaderHash is not null && ClientSecretHash.Matches(i.HeaderSalt, i.HeaderHash, identityHeader));
        if (host is null)
        {
            return ManagedIdentityError.InvalidIdentityHeader();
        }

        if (selector.NamesNone)
        {
            return host;
        }

        return Named(known, selector) is { } named && (named.Id == host.Id || (named.IsUserAssigned && named.TenantId == host.TenantId))
            ? named
            : ManagedIdentityError.IdentityNotFound();
    }

    private static KnownIdentity? Named(KnownIdentities known, IdentitySelector selector)
    {
        if (selector.ClientId is not null)
        {
            return Guid.TryParse(selector.ClientId, out var clientId) ? known.Identities.FirstOrDefault(i => i.AppId == clientId) : null;
        }

        if (selector.ObjectId is not null)
        {
            return Guid.TryParse(selector.ObjectId, out var objectId) ? known.Identities.FirstOrDefault(i => i.Id == objectId) : null;
        }

        return selector.ResourceId is not null && ManagedIdentityResourceId.Parse(selector.ResourceId) is { } resourceId
            ? known.Identities.FirstOrDefault(i => i.IsUserAssigned && i.TenantId == resourceId.TenantId
                && string.Equals(i.DisplayName, resourceId.Name, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    private static async Task<KnownIdentities?> LoadAsync(string key, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var defaultTenantId = await db.Tenants.AsNoTracking().OrderBy(t => t.CreatedDateTime).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        var identities = await db.ServicePrincipals.AsNoTracking()
            .Where(sp => sp.ServicePrincipalType == ManagedIdentityDirectory.ServicePrincipalType)
            .Select(sp => new KnownIdentity(sp.Id, sp.TenantId, sp.AppId, sp.DisplayName,
                sp.ManagedIdentityType == ManagedIdentityDirectory.UserAssigned, sp.IdentityHeaderSalt, sp.IdentityHeaderHash))
            .ToListAsync(cancellationToken);
        return new KnownIdentities(defaultTenantId, identities);
    }

    private sealed record KnownIdentities(Guid? DefaultTenantId, IReadOnlyList<KnownIdentity> Identities)
    {
        public static KnownIdentities None { get; } = new(null, []);
    }

    private sealed record KnownIdentity(Guid Id, Guid TenantId, Guid AppId, string DisplayName, bool IsUserAssigned, byte[]? HeaderSalt, byte[]? HeaderHash);
}
