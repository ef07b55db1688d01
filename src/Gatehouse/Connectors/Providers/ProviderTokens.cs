namespace Gatehouse.Connectors.Providers;

/// <summary>What the authority's token endpoint answered (RFC 6749 §5.1).</summary>
internal sealed record ProviderTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresDateTime);

/// <summary>The app registration and tenant an instance authenticates with.</summary>
internal sealed record AppCredentials(string Tenant, string ApiKey, string ApiSecret);
