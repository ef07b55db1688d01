using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;

namespace Gatehouse.MicrosoftHosts;

/// <summary>
/// The local certificate authority and the leaf it signed for Microsoft's hosts at this start (never stored), and
/// which connections get the leaf.
/// </summary>
internal sealed class MicrosoftHostsCertificates
{
    private MicrosoftHostsCertificates(X509Certificate2 authority, X509Certificate2 leaf)
    {
        Authority = authority;
        Leaf = leaf;

        // Built once: a context made per handshake would build the leaf's chain every time.
        LeafContext = SslStreamCertificateContext.Create(leaf, additionalCertificates: null, offline: true);
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Leaf { get; }

    public SslStreamCertificateContext LeafContext { get; }

    public static MicrosoftHostsCertificates Issue(X509Certificate2 authority, DateTimeOffset now) =>
        new(authority, MicrosoftCertificateAuthority.IssueLeaf(authority, now));

    /// <summary>
    /// Whether the connection gets the leaf: the client named a Microsoft host as its TLS server name, or, naming none,
    /// came through the proxy with a CONNECT to one. Every other connection gets the server's own certificate.
    /// </summary>
    public static bool Serve(ConnectionContext? connection, string? serverName)
    {
        var host = string.IsNullOrEmpty(serverName) ? ConnectTunnel.TargetOf(connection)?.Host : serverName;
        return host is not null && MicrosoftHostNames.IsServed(host);
    }
}
