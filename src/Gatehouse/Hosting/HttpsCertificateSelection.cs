using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.MicrosoftHosts;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gatehouse.Hosting;

/// <summary>
/// Which certificate each TLS handshake gets, on the main listeners and inside the proxy's tunnels alike: the Microsoft
/// hosts' leaf when the client names one of them (by SNI, or by its CONNECT), the server's own certificate otherwise.
/// </summary>
/// <remarks>
/// The handshake callback hands SslStream a certificate context built once per certificate; Kestrel's
/// ServerCertificateSelector would have it build the chain again at every handshake, half as much CPU again.
/// </remarks>
internal sealed class HttpsCertificateSelection(ServerCertificate main, MicrosoftHostsCertificates microsoft)
{
    private readonly SslStreamCertificateContext mainContext = SslStreamCertificateContext.Create(main.Certificate, additionalCertificates: null, offline: true);

    public X509Certificate2 Select(ConnectionContext? connection, string? serverName) =>
        MicrosoftHostsCertificates.Serve(connection, serverName) ? microsoft.Leaf : main.Certificate;

    /// <summary>For ListenOptions.UseHttps; <paramref name="selection"/> is read at the first handshake, once the store has made the certificates.</summary>
    public static TlsHandshakeCallbackOptions HandshakeOptions(Lazy<HttpsCertificateSelection> selection) => new()
    {
        OnConnection = context => ValueTask.FromResult(selection.Value.AuthenticationOptions(context.Connection, context.ClientHelloInfo.ServerName)),
    };

    private SslServerAuthenticationOptions AuthenticationOptions(ConnectionContext connection, string? serverName) => new()
    {
        ServerCertificateContext = MicrosoftHostsCertificates.Serve(connection, serverName) ? microsoft.LeafContext : mainContext,
    };
}
