namespace Gatehouse.Connectors.Instances;

/// <summary>
/// One authenticated connection of one account to one provider (docs/protocol/connectors.md §1 "Element instance"). Tokens
/// and the API secret are kept only encrypted with Data Protection; the instance token only as a keyed hash.
/// </summary>
internal sealed class HubInstance
{
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string ElementKey { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>A JSON array of strings.</summary>
    public string Tags { get; set; } = "[]";

    public string TokenLookup { get; set; } = "";

    public byte[] TokenSalt { get; set; } = [];

    public byte[] TokenHash { get; set; } = [];

    /// <summary>authorization_code (delegated, kept alive by its refresh token) or client_credentials (app-only).</summary>
    public string GrantType { get; set; } = InstanceGrant.AuthorizationCode;

    public string ApiKey { get; set; } = "";

    public string? CallbackUrl { get; set; }

    public string Scope { get; set; } = "";

    public string Tenant { get; set; } = "";

    /// <summary>For elements whose API lives at an organisation's own address (dynamics365): that address, https://host.</summary>
    public string? OrganizationUrl { get; set; }

    public string ProtectedApiSecret { get; set; } = "";

    public string? ProtectedAccessToken { get; set; }

    public string? ProtectedRefreshToken { get; set; }

    public DateTimeOffset? AccessTokenExpiresDateTime { get; set; }

    /// <summary>One of <see cref="InstanceState"/>'s stored states; "refreshing" and "disabled" are derived.</summary>
    public string State { get; set; } = InstanceState.Healthy;

    public bool Disabled { get; set; }

    /// <summary>The provider's code (AADSTS…) of the last refusal, with the plain explanation given for it.</summary>
    public string? ProblemCode { get; set; }

    public string? ProblemMessage { get; set; }

    public DateTimeOffset? LastRefreshDateTime { get; set; }

    public int RefreshCount { get; set; }

    public DateTimeOffset? ApiSecretExpiresDateTime { get; set; }

    /// <summary>configuration (oauth.api.secret.expires) or graph (the app's passwordCredentials).</summary>
    public string? ApiSecretExpirySource { get; set; }

    public DateTimeOffset? SecretExpiryNotifiedDateTime { get; set; }

    public bool EventsEnabled { get; set; }

    public string? EventCallbackUrl { get; set; }

    public string? ProtectedEventSignatureKey { get; set; }

    /// <summary>The node refreshing the instance and until when: single flight across nodes (one conditional update).</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresDateTime { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }

    public DateTimeOffset UpdatedDateTime { get; set; }
}
