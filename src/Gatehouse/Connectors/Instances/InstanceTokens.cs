using Gatehouse.Connectors.Refresh;
using Gatehouse.Connectors.Vault;
using Gatehouse.Data;

namespace Gatehouse.Connectors.Instances;

/// <summary>The access token to call the provider with: the stored one while it lives, else a fresh one.</summary>
internal sealed class InstanceTokens(InstanceRefresher refresher, InstanceVault vault, StoreChanges changes, TimeProvider clock)
{
    // Clear access tokens under their stored ciphertext: a refreshed token is a new entry, and every entry is dropped
    // with the instance snapshots when the store changes, so none outlives a refresh, a disable or a removal.
    private readonly SnapshotCache<string, string> clearTokens = new(changes);

    /// <summary>The token, or null when the instance cannot get one (disabled, or needs re-authentication).</summary>
    public async Task<string?> GetAsync(HubInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Disabled || instance.State != InstanceState.Healthy)
        {
            return null;
        }

        var token = instance.ProtectedAccessToken is { } stored
            ? await clearTokens.GetAsync(stored, vault, static (value, vault, _) => Task.FromResult(vault.Unprotect(value)), cancellationToken)
            : null;
        if (token is not null && instance.AccessTokenExpiresDateTime > clock.GetUtcNow())
        {
            return token;
        }

        return await RenewAsync(instance.Id, token, cancellationToken);
    }

    /// <summary>After the provider refused <paramref name="rejected"/>: one refresh (or another node's result), then the new token.</summary>
    public async Task<string?> RenewAsync(long id, string? rejected, CancellationToken cancellationToken)
    {
        var outcome = await refresher.RefreshAsync(id, RefreshReason.Rejected, null, rejected, cancellationToken);
        return outcome.Instance is { State: InstanceState.Healthy, Disabled: false } instance ? vault.Unprotect(instance.ProtectedAccessToken) : null;
    }
}
