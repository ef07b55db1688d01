namespace Gatehouse.Identity.Issuance;

/// <summary>A signed access token and its times (Unix seconds).</summary>
internal sealed record IssuedToken(string AccessToken, long IssuedAt, long ExpiresAt)
{
    public long Lifetime => ExpiresAt - IssuedAt;
}
