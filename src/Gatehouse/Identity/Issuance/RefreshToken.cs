namespace Gatehouse.Identity.Issuance;

/// <summary>
/// An issued refresh token, kept only as its SHA-256 hash. Each use rotates it: the presented token is marked used
/// and a new one of the same family is issued. A used token presented again means one of the two holders is not
/// the client, so the whole family is revoked (OAuth 2.0 Security BCP §4.14.2).
/// </summary>
internal sealed class RefreshToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>A single-page app's: from the sign-in, never extended (docs/protocol/entra-protocol.md §3.7).</summary>
    public static readonly TimeSpan SpaLifetime = TimeSpan.FromHours(24);

    /// <summary>base64url(SHA-256(token)).</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Shared by every token rotated from one sign-in.</summary>
    public Guid FamilyId { get; set; }

    /// <summary>Set on the first token of a family: the code it was redeemed from, so a second redemption can revoke it.</summary>
    public string? AuthorizationCodeHash { get; set; }

    public Guid TenantId { get; set; }
    public Guid ClientId { get; set; }
    public Guid UserId { get; set; }
    public Guid ResourceAppId { get; set; }
    public string Scope { get; set; } = "";

    /// <summary>The sign-in session's ID (sid), carried by the ID tokens of the family.</summary>
    public string? SessionId { get; set; }

    /// <summary>Issued to a public client (no credential); it is then redeemed without one.</summary>
    public bool IsPublicClient { get; set; }

    /// <summary>
    /// Issued on a code sent to a single-page app's redirect URI: that URI's origin, the only one the token is redeemed
    /// from, and only across origins.
    /// </summary>
    public string? SpaOrigin { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>Sliding: each rotation issues a token that lives 90 days from then; a single-page app's keeps the family's deadline.</summary>
    public DateTimeOffset ExpiresDateTime { get; set; }

    public bool Used { get; set; }
    public bool Revoked { get; set; }
}
