namespace Gatehouse.Identity.Clients;

/// <summary>A client that proved who it is. <see cref="AuthenticationMethod"/> is appidacr / azpacr: "0" public client, "1" secret, "2" certificate.</summary>
internal sealed record AuthenticatedClient(ClientSnapshot Client, string AuthenticationMethod)
{
    public const string PublicClient = "0";
    public const string Secret = "1";
    public const string Certificate = "2";
}
