namespace Gatehouse.Connectors.Providers;

/// <summary>The instance configuration keys every Microsoft OAuth element takes (Cloud Elements' names).</summary>
internal static class ConfigurationKeys
{
    public const string ApiKey = "oauth.api.key";
    public const string ApiSecret = "oauth.api.secret";
    public const string ApiSecretExpires = "oauth.api.secret.expires";
    public const string CallbackUrl = "oauth.callback.url";
    public const string Scope = "oauth.scope";
    public const string GrantType = "oauth.grant.type";
    public const string Tenant = "oauth.tenant";
    public const string RefreshToken = "oauth.user.refresh_token";

    /// <summary>Cloud Elements' Dynamics CRM elements name the organisation's address so.</summary>
    public const string OrganizationUrl = "dynamics.tenant";
    public const string EventsEnabled = "event.notification.enabled";
    public const string EventCallbackUrl = "event.notification.callback.url";
    public const string EventSignatureKey = "event.notification.signature.key";

    public static readonly IReadOnlyList<ConfigurationKey> MicrosoftOAuth =
    [
        new(ApiKey, "API Key", "The app registration's Application (client) ID.", Required: true),
        new(ApiSecret, "API Secret", "A client secret's value from Certificates & secrets.", Required: true, Secret: true),
        new(CallbackUrl, "Callback URL", "A redirect URI of the app (Authentication blade); needed for authorization_code.", Required: false),
        new(Scope, "Scopes", "Delegated scopes, space-separated; the element's default scopes when absent.", Required: false),
        new(GrantType, "Grant type", "authorization_code (default: a signed-in user) or client_credentials (app-only).", Required: false),
        new(Tenant, "Tenant", "The directory (tenant) ID or domain; the element's tenant when absent.", Required: false),
        new(RefreshToken, "Refresh token", "With externalAuthentication=initial: an existing refresh token to import.", Required: false, Secret: true),
        new(ApiSecretExpires, "API secret expiry", "When the API secret expires (ISO 8601), if the authority cannot tell.", Required: false),
        new(EventsEnabled, "Events", "true to POST credential events to the callback URL.", Required: false),
        new(EventCallbackUrl, "Event callback URL", "Where credential events are POSTed.", Required: false),
        new(EventSignatureKey, "Event signature key", "HMAC-SHA256 key for the Elements-Webhook-Signature header.", Required: false, Secret: true),
    ];
}
