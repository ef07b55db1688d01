namespace Gatehouse.Identity.Issuance;

/// <summary>
/// Where a refresh token joins: a new family from a code, or the family of the token it rotates; and the sign-in
/// session (sid) the family's ID tokens name, when the sign-in had one.
/// </summary>
internal sealed record RefreshFamily(Guid? FamilyId, string? AuthorizationCodeHash, string? SessionId = null);
