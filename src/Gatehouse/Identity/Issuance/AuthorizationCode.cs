namespace Gatehouse.Identity.Issuance;

/// <summary>
/// An issued authorization code (RFC 6749 §4.1.2): only its SHA-256 hash is kept, with everything the token endpoint
/// must check when it is redeemed (client, redirect URI, PKCE challenge) and what the tokens will carry.
/// </summary>
internal sealed class AuthorizationCode
{
    /// <summary>base64url(SHA-256(code)).</summary>
    public string CodeHash { get; set; } = "";

    public Guid TenantId { get; set; }

    /// <summary>The client's appId.</summary>
    public Guid ClientId { get; set; }

    /// <summary>The signed-in user's object ID.</summary>
    public Guid UserId { get; set; }

    public string RedirectUri { get; set; } = "";

    /// <summary>Space-separated: the granted scopes of the resource, then the OIDC scopes requested.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The appId of the API the access token is for.</summary>
    public Guid ResourceAppId { get; set; }

    public string? Nonce { get; set; }

    /// <summary>The sign-in session's ID, the sid of the ID tokens issued on this code.</summary>
    public string? SessionId { get; set; }
    public string? CodeChallenge { get; set; }
    public string? CodeChallengeMethod { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public DateTimeOffset ExpiresDateTime { get; set; }
    public bool Redeemed { get; set; }
}
