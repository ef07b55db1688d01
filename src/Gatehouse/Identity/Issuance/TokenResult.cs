namespace Gatehouse.Identity.Issuance;

/// <summary>What a successful grant returns; user flows add the scope, an ID token, client_info and a refresh token.</summary>
internal sealed record TokenResult(
    IssuedToken Token, string Resource, string GrantType, string? Scope = null, string? IdToken = null, string? ClientInfo = null, string? RefreshToken = null)
{
    /// <summary>The one origin whose page may read the answer across origins (a single-page app's); null for none.</summary>
    public string? ReadableFrom { get; init; }
}
