using System.Text.Json.Serialization;

namespace Gatehouse.Connectors.Api;

// The shapes the hub's OpenAPI document gives its bodies. The handlers write the same JSON from the connector and
// instance models (ElementEndpoints.View, InstanceView); tests/Gatehouse.Tests/ApiDocs compares a real answer's
// properties with these, so the document cannot drift from the wire unnoticed.

/// <summary>Cloud Elements' error body: every refusal and failure of the hub.</summary>
internal sealed record HubErrorBody(
    string RequestId,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProviderCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProviderMessage = null);

/// <summary>An element (connector): where its OAuth authority and API are, and the configuration an instance of it takes.</summary>
internal sealed record ElementBody(
    string Key,
    string Name,
    string Description,
    ElementAuthenticationBody Authentication,
    string Authority,
    string? ApiBaseUrl,
    string? Resource,
    string? DefaultScopes,
    string? OrganizationKey,
    string Tenant,
    IReadOnlyList<ElementConfigurationBody> Configuration);

internal sealed record ElementAuthenticationBody(string Type, IReadOnlyList<string> GrantTypes);

internal sealed record ElementConfigurationBody(string Key, string Name, string Description, bool Required, bool Secret);

/// <summary>The answer of GET /elements/{key}/oauth/url: the authorization URL to send the user to.</summary>
internal sealed record OAuthUrlBody(string Element, string OauthUrl);

/// <summary>The body of POST /instances and PUT/PATCH /instances/{id}; every part optional on an update.</summary>
internal sealed record InstanceRequestBody(
    ElementKeyBody? Element = null,
    string? Name = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Configuration = null,
    ProviderDataBody? ProviderData = null,
    string? ExternalAuthentication = null);

internal sealed record ElementKeyBody(string Key);

/// <summary>The authorization code the callback URL received.</summary>
internal sealed record ProviderDataBody(string Code);

/// <summary>An instance: Cloud Elements' fields with secrets masked, its credential health, and once, on creation, its token.</summary>
internal sealed record InstanceBody(
    long Id,
    string Name,
    InstanceElementBody Element,
    IReadOnlyDictionary<string, string> Configuration,
    IReadOnlyList<string> Tags,
    bool Disabled,
    bool Valid,
    string AuthenticationType,
    DateTimeOffset CreatedDate,
    DateTimeOffset UpdatedDate,
    InstanceHealthBody Health,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EventDeliveryBody>? EventDeliveries = null);

internal sealed record InstanceElementBody(string Key, string Name);

internal sealed record InstanceHealthBody(
    string State,
    DateTimeOffset? LastRefresh,
    int RefreshCount,
    DateTimeOffset? AccessTokenExpires,
    DateTimeOffset? ApiSecretExpires,
    string? ApiSecretExpiresSource,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InstanceProblemBody? Problem = null);

internal sealed record InstanceProblemBody(string Code, string? Message);

internal sealed record EventDeliveryBody(
    long Id,
    string EventType,
    int Attempts,
    string? LastResult,
    DateTimeOffset CreatedDate,
    DateTimeOffset? LastAttemptDate,
    DateTimeOffset? NextAttemptDate,
    DateTimeOffset? DeliveredDate);

/// <summary>An instance of GET /instances/health: its secret expires within the window, or it needs a person.</summary>
internal sealed record InstanceHealthEntryBody(
    long Id,
    string Name,
    string Element,
    string State,
    DateTimeOffset? ApiSecretExpires,
    int? ApiSecretExpiresInDays,
    IReadOnlyList<string> Reasons,
    InstanceProblemBody? Problem);
