using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Organizations;
using Gatehouse.Data;

namespace Gatehouse.Connectors.Vault;

/// <summary>
/// What every call through the hub reads, cached as the token service caches clients (docs/architecture.md, "How a
/// request flows"): the organizations, users and instances its secrets name, dropped when the store changes.
/// </summary>
internal sealed class HubSnapshots(StoreChanges changes)
{
    public SecretRows<HubOrganization> Organizations { get; } = new(changes, o => o.SecretSalt, o => o.SecretHash);

    public SecretRows<HubUser> Users { get; } = new(changes, u => u.SecretSalt, u => u.SecretHash);

    public SecretRows<HubInstance> Instances { get; } = new(changes, i => i.TokenSalt, i => i.TokenHash);
}
