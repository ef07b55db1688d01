namespace Gatehouse.Identity.Issuance;

/// <summary>The operator's fixed access-token lifetime (GATEHOUSE_ACCESS_TOKEN_LIFETIME), or null for Entra's 60–90 minutes.</summary>
internal sealed record AccessTokenLifetime(TimeSpan? Fixed);
