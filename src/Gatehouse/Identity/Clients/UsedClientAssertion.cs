namespace Gatehouse.Identity.Clients;

/// <summary>A client assertion's jti, kept until the assertion expires so that it can be presented only once on any node.</summary>
internal sealed class UsedClientAssertion
{
    public Guid ClientId { get; set; }
    public string Jti { get; set; } = "";
    public DateTimeOffset ExpiresDateTime { get; set; }
}
