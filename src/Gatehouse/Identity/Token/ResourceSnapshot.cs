namespace Gatehouse.Identity.Token;

/// <summary>
/// An API tokens can be issued for, the access-token version it asked for (api.requestedAccessTokenVersion) and its
/// first Application ID URI, which names its scopes in token responses.
/// </summary>
internal sealed record ResourceSnapshot(Guid AppId, string DisplayName, int TokenVersion, string? AppIdUri = null);
