using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Testing;

/// <summary>
/// Trust in exactly the certificates an instance made at its first start: its TLS certificate (tls.pem, for
/// 127.0.0.1 and localhost) and its certificate authority for Microsoft's hosts (ca.pem), as the only roots; the host
/// name is checked as for any other server.
/// </summary>
internal sealed class ServerTrust(X509Certificate2Collection roots)
{
    public static ServerTrust FromDataFolder(string dataFolder)
    {
        var roots = new X509Certificate2Collection();
        foreach (var name in new[] { "tls.pem", "ca.pem" })
        {
            var path = Path.Combine(dataFolder, name);
            if (File.Exists(path))
            {
                roots.ImportFromPemFile(path);
            }
        }

        return new ServerTrust(roots);
    }

    public X509Certificate2Collection Roots => roots;

    public bool Validate(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public HttpClientHandler CreateHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => Validate(certificate, errors),
    };
}
