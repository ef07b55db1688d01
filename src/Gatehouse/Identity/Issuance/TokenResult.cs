using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity.Issuance;

/// <summary>What a successful grant returns; user flows add the scope, an ID token, client_info and a refresh token.</summary>
/// <param name="Client">The client, and the credential it proved itself with, as the sign-in log names them.</param>
/// <param name="ResourceApp">The resource the token is for.</param>
/// <param name="User">The user a delegated token speaks for; null for an app-only token.</param>
internal sealed record TokenResult(
    IssuedToken Token, string Resource, string GrantType, AuthenticatedClient Client, ResourceSnapshot ResourceApp, SignedInUser? User = null,
    string? Scope = null, string? IdToken = null, string? ClientInfo = null, string? RefreshToken = null)
{
    /// <summary>The one origin whose page may read the answer across origins (a single-page app's); null for none.</summary>
    public string? ReadableFrom { get; init; }
}
