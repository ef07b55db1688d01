namespace Gatehouse.Identity.Resources;

/// <summary>
/// An API tokens can be issued for, the access-token version it asked for (api.requestedAccessTokenVersion), where it
/// has one the URI its delegated v1.0 tokens name as their audience, and its first Application ID URI, which names its
/// scopes in token responses.
/// </summary>
internal sealed record ResourceSnapshot(Guid AppId, string DisplayName, int TokenVersion, string? DelegatedAudience = null, string? AppIdUri = null);
