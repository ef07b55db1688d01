using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Bench;

/// <summary>
/// HTTP/1.1 clients of the server that trust exactly the certificate it wrote to tls.pem, by SHA-256 thumbprint,
/// over keep-alive connections that live as long as the run.
/// </summary>
internal sealed class PinnedServerClient(Uri baseAddress, string sha256Thumbprint)
{
    public static PinnedServerClient FromPemFile(Uri baseAddress, string pemPath)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(pemPath));
        return new(baseAddress, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    public HttpClient Create(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = IsPinned },
    })
    {
        BaseAddress = baseAddress,
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private bool IsPinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null
        && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), sha256Thumbprint, StringComparison.OrdinalIgnoreCase);
}
