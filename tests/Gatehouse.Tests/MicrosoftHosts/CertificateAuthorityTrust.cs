using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gatehouse.Tests.MicrosoftHosts;

/// <summary>
/// A client that trusts the server's certificate authority, and nothing else, as a person's client is set up to
/// (docs/protocol/microsoft-hosts.md §2.3): ca.pem as the only root, through X509ChainPolicy's custom root trust.
/// </summary>
internal static class CertificateAuthorityTrust
{
    public static X509Certificate2 ReadPem(string dataFolder) =>
        X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dataFolder, "ca.pem")));

    /// <summary>Validation against <paramref name="authority"/> alone; no revocation lists exist for it.</summary>
    public static X509ChainPolicy Policy(X509Certificate2 authority)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(authority);
        return policy;
    }

    /// <summary>An HTTP handler that goes through <paramref name="proxy"/> and trusts only <paramref name="authority"/>.</summary>
    public static SocketsHttpHandler ProxyHandler(Uri proxy, X509Certificate2 authority) => new()
    {
        Proxy = new WebProxy(proxy),
        UseProxy = true,
        SslOptions = { CertificateChainPolicy = Policy(authority) },
    };

    /// <summary>Sends <paramref name="preamble"/> to the proxy and reads its whole answer, which ends with the connection.</summary>
    public static async Task<RawAnswer> SendRawAsync(Uri proxy, string preamble)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(proxy.Host, proxy.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(preamble), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // Read to the end: an answer the proxy did not close would stop this read at the timeout.
        return RawAnswer.Parse(await reader.ReadToEndAsync(timeout.Token));
    }

    /// <summary>Opens a tunnel with CONNECT <paramref name="target"/> and returns the TCP stream after the proxy's 200.</summary>
    public static async Task<(TcpClient Tcp, Stream Stream)> ConnectAsync(Uri proxy, string target)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(proxy.Host, proxy.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n"), TestContext.Current.CancellationToken);
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one, TestContext.Current.CancellationToken));
            head.Append((char)one[0]);
        }

        Assert.StartsWith("HTTP/1.1 200 ", head.ToString(), StringComparison.Ordinal);
        return (tcp, stream);
    }

    /// <summary>One GET over an established TLS stream, HTTP/1.1 with Connection: close; the status line and body.</summary>
    public static async Task<RawAnswer> GetAsync(SslStream tls, string host, string path)
    {
        await tls.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(tls, Encoding.UTF8, leaveOpen: true);
        return RawAnswer.Parse(await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>An HTTP/1.1 answer read off the wire.</summary>
internal sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawAnswer Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"not an HTTP answer: {text}");
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(line => line.Split(':', 2)).ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new RawAnswer(status, headers, text[(end + 4)..]);
    }
}
