namespace Gatehouse.Identity.Clients;

/// <summary>A client that proved who it is. <see cref="AuthenticationMethod"/> is appidacr / azpacr: "0" public client, "1" secret, "2" certificate.</summary>
internal sealed record AuthenticatedClient(ClientSnapshot Client, string AuthenticationMethod)
{
    public const string PublicClient = "0";
    public const string Secret = "1";
    public const string Certificate = "2";

    /// <summary>The secret or certificate that proved the client; null for a public client.</summary>
    public UsedCredential? Credential { get; init; }
}

/// <summary>Names a credential without its value: the key ID, a secret's hint, a certificate's x5t (base64url SHA-1).</summary>
internal sealed record UsedCredential(Guid KeyId, string? SecretHint, string? CertificateX5t);
