namespace Gatehouse.Identity.Token;

/// <summary>An API tokens can be issued for, and the access-token version it asked for (api.requestedAccessTokenVersion).</summary>
internal sealed record ResourceSnapshot(Guid AppId, string DisplayName, int TokenVersion);
