namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>A certificate credential: the public X.509 certificate a client signs its assertions for.</summary>
internal sealed class KeyCredential
{
    public const string AsymmetricX509Cert = "AsymmetricX509Cert";
    public const string VerifyUsage = "Verify";

    public Guid KeyId { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>The certificate's subject, as the portal shows it.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>SHA-1 of the DER certificate, upper-case hex: the portal's THUMBPRINT column.</summary>
    public string Thumbprint { get; set; } = "";

    /// <summary>Defaults to the thumbprint bytes, as Entra does.</summary>
    public byte[] CustomKeyIdentifier { get; set; } = [];

    /// <summary>The DER-encoded public certificate.</summary>
    public byte[] Key { get; set; } = [];

    public DateTimeOffset StartDateTime { get; set; }
    public DateTimeOffset EndDateTime { get; set; }
    public string Type { get; set; } = AsymmetricX509Cert;
    public string Usage { get; set; } = VerifyUsage;
}
