namespace Gatehouse.Identity.Issuance;

/// <summary>
/// What an ID token from the authorize endpoint travels with, which it binds by hash (OpenID Connect Core §3.3.2.11):
/// the code (c_hash) and the access token (at_hash). <see cref="None"/> for an ID token from the token endpoint.
/// </summary>
internal sealed record FrontChannel(string? Code = null, string? AccessToken = null)
{
    public static FrontChannel None { get; } = new();
}
