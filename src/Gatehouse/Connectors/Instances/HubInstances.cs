using System.Text.Json;
using Gatehouse.Connectors.Api;
using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Providers;
using Gatehouse.Connectors.Refresh;
using Gatehouse.Connectors.Vault;
using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Connectors.Instances;

/// <summary>Creating, reading, changing and removing an organization's instances.</summary>
internal sealed class HubInstances(
    GatehouseDb db,
    ConnectorCatalog catalog,
    AuthorityClient authority,
    InstanceVault vault,
    InstanceRefresher refresher,
    SecretExpiryLookup secretExpiry,
    HubSnapshots snapshots,
    StoreChanges changes,
    TimeProvider clock)
{
    public Task<HubInstance?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        snapshots.Instances.FindAsync(token, (lookup, ct) => db.HubInstances.AsNoTracking().Where(i => i.TokenLookup == lookup).ToListAsync(ct), cancellationToken);

    public Task<List<HubInstance>> ListAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.HubInstances.AsNoTracking().Where(i => i.OrganizationId == organizationId).OrderBy(i => i.Id).ToListAsync(cancellationToken);

    public Task<HubInstance?> GetAsync(Guid organizationId, long id, CancellationToken cancellationToken) =>
        db.HubInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.OrganizationId == organizationId, cancellationToken);

    public Task<List<HubEventDelivery>> DeliveriesAsync(long id, CancellationToken cancellationToken) =>
        db.HubEventDeliveries.AsNoTracking().Where(d => d.InstanceId == id).OrderByDescending(d => d.Id).Take(50).ToListAsync(cancellationToken);

    /// <summary>Authenticates a new instance at the authority and stores it; the instance token is returned this once.</summary>
    public async Task<Outcome<CreatedInstance, HubError>> CreateAsync(Guid organizationId, InstanceRequest request, CancellationToken cancellationToken)
    {
        if (request.ElementKey is null)
        {
            return HubError.BadRequest("element.key is required, for example {\"element\": {\"key\": \"office365\"}}.");
        }

        if (catalog.Find(request.ElementKey) is not { } connector)
        {
            return HubError.NotFound($"No element with key '{request.ElementKey}'.");
        }

        var grantType = request.Get(ConfigurationKeys.GrantType) ?? InstanceGrant.AuthorizationCode;
        if ((InstanceRules.ForCreation(request, grantType) ?? InstanceRules.ForSettings(request)) is { } problem)
        {
            return HubError.BadRequest(problem);
        }

        var target = InstanceRules.Target(connector, request);
        if (!target.Succeeded)
        {
            return HubError.BadRequest(target.Error);
        }

        var (organization, api) = target.Value;

        var app = new AppCredentials(
            request.Get(ConfigurationKeys.Tenant) ?? connector.Tenant, request.Get(ConfigurationKeys.ApiKey)!, request.Get(ConfigurationKeys.ApiSecret)!);
        var scope = grantType == InstanceGrant.ClientCredentials ? api.AppOnlyScope : request.Get(ConfigurationKeys.Scope) ?? api.DefaultScopes;
        var tokens = grantType == InstanceGrant.ClientCredentials
            ? await authority.ClientCredentialsAsync(connector, app, cancellationToken, api.Resource)
            : request.ExternalAuthentication
                ? await authority.RefreshAsync(connector, app, request.Get(ConfigurationKeys.RefreshToken)!, scope, cancellationToken)
                : await authority.RedeemCodeAsync(connector, app, request.Code!, request.Get(ConfigurationKeys.CallbackUrl)!, scope, cancellationToken);
        if (!tokens.Succeeded)
        {
            return AuthorityError(tokens.Error);
        }

        var now = clock.GetUtcNow();
        var token = HashedSecret.NewBase64();
        var tokenHash = HashedSecret.Of(token);
        var instance = new HubInstance
        {
            OrganizationId = organizationId,
            ElementKey = connector.Key,
            Name = request.Name ?? connector.Name,
            Tags = JsonSerializer.Serialize(request.Tags ?? []),
            TokenLookup = tokenHash.Lookup,
            TokenSalt = tokenHash.Salt,
            TokenHash = tokenHash.Hash,
            GrantType = grantType,
            ApiKey = app.ApiKey,
            CallbackUrl = request.Get(ConfigurationKeys.CallbackUrl),
            Scope = scope,
            Tenant = app.Tenant,
            OrganizationUrl = organization,
            ProtectedApiSecret = vault.Protect(app.ApiSecret),
            State = InstanceState.Healthy,
            CreatedDateTime = now,
        };
        Store(instance, tokens.Value, now);
        ApplySettings(instance, request);
        if (instance.ApiSecretExpiresDateTime is null)
        {
            await secretExpiry.FillAsync(instance, connector, app, cancellationToken);
        }

        instance.UpdatedDateTime = now;
        db.HubInstances.Add(instance);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInstance(instance, token);
    }

    /// <summary>
    /// PUT/PATCH: name, tags, event and expiry settings; a new oauth.api.secret replaces the old one only once the
    /// authority accepted it; reAuthenticate redeems a new code (or imports a refresh token).
    /// </summary>
    public async Task<Outcome<HubInstance, HubError>> UpdateAsync(Guid organizationId, long id, InstanceRequest request, bool reAuthenticate, CancellationToken cancellationToken)
    {
        var instance = await GetAsync(organizationId, id, cancellationToken);
        if (instance is null)
        {
            return HubError.NotFound($"No instance with ID {id}.");
        }

        if (InstanceRules.ForSettings(request) is { } problem)
        {
            return HubError.BadRequest(problem);
        }

        if (request.ElementKey is not null && !string.Equals(request.ElementKey, instance.ElementKey, StringComparison.OrdinalIgnoreCase))
        {
            return HubError.BadRequest("An instance cannot change its element.");
        }

        var newSecret = request.Get(ConfigurationKeys.ApiSecret);
        if (newSecret is not null && newSecret == vault.Unprotect(instance.ProtectedApiSecret))
        {
            newSecret = null;
        }

        if (reAuthenticate)
        {
            if (await ReAuthenticateAsync(instance, request, newSecret, cancellationToken) is { } refused)
            {
                return refused;
            }
        }
        else if (newSecret is not null)
        {
            var rotation = await refresher.RefreshAsync(id, RefreshReason.SecretRotation, newSecret, null, cancellationToken);
            if (rotation.Refusal is { } refusal)
            {
                return AuthorityError(refusal);
            }
        }

        var tracked = await db.HubInstances.FirstAsync(i => i.Id == id, cancellationToken);
        if (request.Name is not null)
        {
            tracked.Name = request.Name;
        }

        if (request.Tags is not null)
        {
            tracked.Tags = JsonSerializer.Serialize(request.Tags);
        }

        ApplySettings(tracked, request);
        if (newSecret is not null && request.Get(ConfigurationKeys.ApiSecretExpires) is null && catalog.Find(tracked.ElementKey) is { } connector)
        {
            tracked.ApiSecretExpiresDateTime = null;
            tracked.ApiSecretExpirySource = null;
            tracked.SecretExpiryNotifiedDateTime = null;
            await secretExpiry.FillAsync(tracked, connector, new AppCredentials(tracked.Tenant, tracked.ApiKey, newSecret), cancellationToken);
        }

        tracked.UpdatedDateTime = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return tracked;
    }

    public async Task<bool> DeleteAsync(Guid organizationId, long id, CancellationToken cancellationToken)
    {
        var deleted = await db.HubInstances.Where(i => i.Id == id && i.OrganizationId == organizationId).ExecuteDeleteAsync(cancellationToken) == 1;
        // ExecuteDelete bypasses StoreChangeInterceptor: the next call through the instance must not find it kept.
        changes.Publish();
        return deleted;
    }

    public async Task<HubInstance?> SetDisabledAsync(Guid organizationId, long id, bool disabled, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.HubInstances.Where(i => i.Id == id && i.OrganizationId == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Disabled, disabled).SetProperty(i => i.UpdatedDateTime, now), cancellationToken);
        changes.Publish();
        return changed == 1 ? await GetAsync(organizationId, id, cancellationToken) : null;
    }

    /// <summary>The authority's refusal as the hub's error: its code, its message, and what to fix.</summary>
    public static HubError AuthorityError(AuthorityRefusal refusal) => new(
        refusal.Transient ? StatusCodes.Status502BadGateway : StatusCodes.Status400BadRequest,
        refusal.Advice,
        refusal.Code,
        refusal.ProviderMessage);

    private async Task<HubError?> ReAuthenticateAsync(HubInstance instance, InstanceRequest request, string? newSecret, CancellationToken cancellationToken)
    {
        if (catalog.Find(instance.ElementKey) is not { } connector || connector.ApiOf(instance) is not { } api)
        {
            return HubError.NotFound($"No element with key '{instance.ElementKey}'.");
        }

        var app = new AppCredentials(instance.Tenant, instance.ApiKey, newSecret ?? vault.Unprotect(instance.ProtectedApiSecret) ?? "");
        var callbackUrl = request.Get(ConfigurationKeys.CallbackUrl) ?? instance.CallbackUrl;
        Outcome<ProviderTokens, AuthorityRefusal> result;
        if (instance.GrantType == InstanceGrant.ClientCredentials)
        {
            result = await authority.ClientCredentialsAsync(connector, app, cancellationToken, api.Resource);
        }
        else if (request.ExternalAuthentication && request.Get(ConfigurationKeys.RefreshToken) is { } refreshToken)
        {
            result = await authority.RefreshAsync(connector, app, refreshToken, instance.Scope, cancellationToken);
        }
        else if (request.Code is null || callbackUrl is null)
        {
            return HubError.BadRequest("reAuthenticate needs providerData.code and the callback URL it was sent to.");
        }
        else
        {
            result = await authority.RedeemCodeAsync(connector, app, request.Code, callbackUrl, instance.Scope, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return AuthorityError(result.Error);
        }

        var now = clock.GetUtcNow();
        var tracked = await db.HubInstances.FirstAsync(i => i.Id == instance.Id, cancellationToken);
        Store(tracked, result.Value, now);
        tracked.CallbackUrl = callbackUrl;
        tracked.State = InstanceState.Healthy;
        tracked.ProblemCode = null;
        tracked.ProblemMessage = null;
        if (newSecret is not null)
        {
            tracked.ProtectedApiSecret = vault.Protect(newSecret);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private void Store(HubInstance instance, ProviderTokens tokens, DateTimeOffset now)
    {
        instance.ProtectedAccessToken = vault.Protect(tokens.AccessToken);
        if (tokens.RefreshToken is not null)
        {
            instance.ProtectedRefreshToken = vault.Protect(tokens.RefreshToken);
        }

        instance.AccessTokenExpiresDateTime = tokens.ExpiresDateTime;
        instance.LastRefreshDateTime = now;
    }

    private void ApplySettings(HubInstance instance, InstanceRequest request)
    {
        if (request.GetBoolean(ConfigurationKeys.EventsEnabled) is { } enabled)
        {
            instance.EventsEnabled = enabled;
        }

        if (request.Get(ConfigurationKeys.EventCallbackUrl) is { } callbackUrl)
        {
            instance.EventCallbackUrl = callbackUrl;
        }

        if (request.Get(ConfigurationKeys.EventSignatureKey) is { } signatureKey)
        {
            instance.ProtectedEventSignatureKey = vault.Protect(signatureKey);
        }

        if (request.GetInstant(ConfigurationKeys.ApiSecretExpires) is { } expires)
        {
            instance.ApiSecretExpiresDateTime = expires;
            instance.ApiSecretExpirySource = "configuration";
            instance.SecretExpiryNotifiedDateTime = null;
        }
    }
}
