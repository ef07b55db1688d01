using System.Text.Json;
using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Instances;

/// <summary>An instance as the API shows it: Cloud Elements' fields, secrets masked, and its credential health.</summary>
internal static class InstanceView
{
    private const string Masked = "********";

    public static Dictionary<string, object?> Of(HubInstance instance, Connector? connector, DateTimeOffset now, string? token = null, IReadOnlyList<HubEventDelivery>? deliveries = null)
    {
        var configuration = new Dictionary<string, object?>
        {
            [ConfigurationKeys.ApiKey] = instance.ApiKey,
            [ConfigurationKeys.ApiSecret] = Masked,
            [ConfigurationKeys.GrantType] = instance.GrantType,
            [ConfigurationKeys.Scope] = instance.Scope,
            [ConfigurationKeys.Tenant] = instance.Tenant,
            [ConfigurationKeys.EventsEnabled] = instance.EventsEnabled ? "true" : "false",
        };
        if (instance.CallbackUrl is not null)
        {
            configuration[ConfigurationKeys.CallbackUrl] = instance.CallbackUrl;
        }

        if (instance.OrganizationUrl is not null && connector?.OrganizationKey is { } organizationKey)
        {
            configuration[organizationKey] = instance.OrganizationUrl;
        }

        if (instance.EventCallbackUrl is not null)
        {
            configuration[ConfigurationKeys.EventCallbackUrl] = instance.EventCallbackUrl;
        }

        if (instance.ProtectedEventSignatureKey is not null)
        {
            configuration[ConfigurationKeys.EventSignatureKey] = Masked;
        }

        if (instance.ApiSecretExpiresDateTime is { } expires)
        {
            configuration[ConfigurationKeys.ApiSecretExpires] = expires;
        }

        var state = InstanceState.Of(instance, now);
        var view = new Dictionary<string, object?>
        {
            ["id"] = instance.Id,
            ["name"] = instance.Name,
            ["element"] = new { key = instance.ElementKey, name = connector?.Name ?? instance.ElementKey },
            ["configuration"] = configuration,
            ["tags"] = JsonSerializer.Deserialize<string[]>(instance.Tags),
            ["disabled"] = instance.Disabled,
            ["valid"] = state is InstanceState.Healthy or InstanceState.Refreshing,
            ["authenticationType"] = instance.GrantType == InstanceGrant.ClientCredentials ? "oauth2ClientCredentials" : "oauth2",
            ["createdDate"] = instance.CreatedDateTime,
            ["updatedDate"] = instance.UpdatedDateTime,
            ["health"] = Health(instance, state),
        };
        if (token is not null)
        {
            view["token"] = token;
        }

        if (deliveries is not null)
        {
            view["eventDeliveries"] = deliveries.Select(d => new
            {
                id = d.Id,
                eventType = d.EventType,
                attempts = d.Attempts,
                lastResult = d.LastResult,
                createdDate = d.CreatedDateTime,
                lastAttemptDate = d.LastAttemptDateTime,
                nextAttemptDate = d.NextAttemptDateTime,
                deliveredDate = d.DeliveredDateTime,
            }).ToList();
        }

        return view;
    }

    public static Dictionary<string, object?> Health(HubInstance instance, string state)
    {
        var health = new Dictionary<string, object?>
        {
            ["state"] = state,
            ["lastRefresh"] = instance.LastRefreshDateTime,
            ["refreshCount"] = instance.RefreshCount,
            ["accessTokenExpires"] = instance.AccessTokenExpiresDateTime,
            ["apiSecretExpires"] = instance.ApiSecretExpiresDateTime,
            ["apiSecretExpiresSource"] = instance.ApiSecretExpirySource,
        };
        if (instance.ProblemCode is not null)
        {
            health["problem"] = new { code = instance.ProblemCode, message = instance.ProblemMessage };
        }

        return health;
    }
}
