using Gatehouse.Connectors.Refresh;
using Gatehouse.Connectors.Vault;

namespace Gatehouse.Connectors.Instances;

/// <summary>The access token to call the provider with: the stored one while it lives, else a fresh one.</summary>
internal sealed class InstanceTokens(InstanceRefresher refresher, InstanceVault vault, TimeProvider clock)
{
    /// <summary>The token, or null when the instance cannot get one (disabled, or needs re-authentication).</summary>
    public async Task<string?> GetAsync(HubInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Disabled || instance.State != InstanceState.Healthy)
        {
            return null;
        }

        var token = vault.Unprotect(instance.ProtectedAccessToken);
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
