namespace Gatehouse.Identity.Keys;

/// <summary>
/// A token-signing key: an RSA-2048 key pair with a self-signed certificate for JWKS x5c. The private key is stored
/// only encrypted with ASP.NET Data Protection, whose key ring is in the store so every node can use it.
/// </summary>
internal sealed class SigningKey
{
    /// <summary>The kid: base64url SHA-1 of the certificate (so kid equals x5t, as Entra's keys).</summary>
    public string Kid { get; set; } = "";

    public byte[] Certificate { get; set; } = [];
    public byte[] ProtectedPrivateKey { get; set; } = [];
    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>When a newer key took over signing. The key stays published until the tokens it signed have expired.</summary>
    public DateTimeOffset? RetiredDateTime { get; set; }
}
