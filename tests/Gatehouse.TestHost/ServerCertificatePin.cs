using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.TestHost;

/// <summary>Trust in exactly the certificate a server wrote to its data folder's tls.pem, by SHA-256 thumbprint.</summary>
public sealed class ServerCertificatePin
{
    public const string PemFileName = "tls.pem";

    private readonly string? sha256Thumbprint;

    private ServerCertificatePin(string? sha256Thumbprint) => this.sha256Thumbprint = sha256Thumbprint;

    /// <summary>Any certificate: an in-memory server writes no tls.pem to pin.</summary>
    public static ServerCertificatePin AnyCertificate { get; } = new(null);

    /// <summary>The pin of <paramref name="dataFolder"/>'s tls.pem; a half-written file throws CryptographicException.</summary>
    public static ServerCertificatePin FromDataFolder(string dataFolder)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dataFolder, PemFileName)));
        return new(certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        sha256Thumbprint is null
        || (certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), sha256Thumbprint, StringComparison.OrdinalIgnoreCase));

    public HttpClientHandler CreateHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => Validate(request, certificate, chain, errors),
    };
}
