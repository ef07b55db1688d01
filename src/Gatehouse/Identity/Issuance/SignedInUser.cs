namespace Gatehouse.Identity.Issuance;

/// <summary>The person a delegated token speaks for, as its claims name them.</summary>
internal sealed record SignedInUser(Guid Id, Guid TenantId, string DisplayName, string UserPrincipalName);
