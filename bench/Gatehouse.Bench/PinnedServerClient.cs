using System.Net;
using System.Net.Security;
using Gatehouse.TestHost;

namespace Gatehouse.Bench;

/// <summary>
/// HTTP/1.1 clients of the server that trust exactly the certificate it wrote to tls.pem, over keep-alive connections
/// that live as long as the run.
/// </summary>
internal sealed class PinnedServerClient(Uri baseAddress, ServerCertificatePin pin)
{
    public HttpClient Create(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = pin.Validate },
    })
    {
        BaseAddress = baseAddress,
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
}
