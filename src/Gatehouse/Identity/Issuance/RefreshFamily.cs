namespace Gatehouse.Identity.Issuance;

/// <summary>
/// Where a refresh token joins: a new family from a code, or the family of the token it rotates; the sign-in
/// session (sid) the family's ID tokens name, when the sign-in had one; and for a single-page app, the origin its
/// tokens are redeemed from and the family's deadline (null: the first token's, a day from now).
/// </summary>
internal sealed record RefreshFamily(
    Guid? FamilyId, string? AuthorizationCodeHash, string? SessionId = null, string? SpaOrigin = null, DateTimeOffset? SpaDeadline = null);
