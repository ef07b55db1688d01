using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Instances;

/// <summary>The checks an instance's configuration passes before the hub asks the authority anything.</summary>
internal static class InstanceRules
{
    public static string? ForCreation(InstanceRequest request, string grantType) =>
        request.Get(ConfigurationKeys.ApiKey) is null ? "configuration.oauth.api.key (the app's Application (client) ID) is required."
        : request.Get(ConfigurationKeys.ApiSecret) is null ? "configuration.oauth.api.secret (a client secret's value) is required."
        : grantType is not (InstanceGrant.AuthorizationCode or InstanceGrant.ClientCredentials) ? "configuration.oauth.grant.type must be authorization_code or client_credentials."
        : grantType == InstanceGrant.ClientCredentials ? null
        : request.ExternalAuthentication ? (request.Get(ConfigurationKeys.RefreshToken) is null ? "externalAuthentication initial needs configuration.oauth.user.refresh_token." : null)
        : request.Code is null ? "providerData.code (the code the authority sent to the callback URL) is required."
        : request.Get(ConfigurationKeys.CallbackUrl) is null ? "configuration.oauth.callback.url (the redirect URI the code was sent to) is required."
        : null;

    /// <summary>
    /// Where a new instance's calls go: the element's API, at the organisation (https://host) the configuration names
    /// for an organisation-specific element; or why there is none.
    /// </summary>
    public static Outcome<InstanceTarget, string> Target(Connector connector, InstanceRequest request)
    {
        string? organization = null;
        if (connector.OrganizationKey is { } key)
        {
            if (request.Get(key) is not { } named)
            {
                return $"configuration.{key} (the organisation's address, for example contoso.crm.dynamics.com) is required.";
            }

            organization = OrganizationAddress.Normalize(named);
            if (organization is null)
            {
                return $"configuration.{key} must be a host name or an https URL without a path, for example contoso.crm.dynamics.com.";
            }
        }

        return connector.ApiFor(organization) is { } api ? new InstanceTarget(organization, api) : $"The {connector.Key} element has no API to call.";
    }

    /// <summary>Event and expiry settings, checked on creation and update alike.</summary>
    public static string? ForSettings(InstanceRequest request) =>
        request.Get(ConfigurationKeys.EventCallbackUrl) is { } url && !IsHttpUrl(url) ? "configuration.event.notification.callback.url must be an absolute http(s) URL."
        : request.Get(ConfigurationKeys.ApiSecretExpires) is not null && request.GetInstant(ConfigurationKeys.ApiSecretExpires) is null ? "configuration.oauth.api.secret.expires must be an ISO 8601 date and time."
        : request.Get(ConfigurationKeys.EventsEnabled) is { } enabled && !bool.TryParse(enabled, out _) ? "configuration.event.notification.enabled must be true or false."
        : request.Name is { Length: > 256 } ? "name is longer than 256 characters."
        : null;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
