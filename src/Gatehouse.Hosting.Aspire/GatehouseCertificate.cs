using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>The HTTPS certificate the app host gives its Gatehouse, so that the app host, and the projects it starts, know what to trust.</summary>
internal static class GatehouseCertificate
{
    public static X509Certificate2 Create(string resourceName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Gatehouse {resourceName} (Aspire)", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
    }

    /// <summary>Writes the certificate (public) and its key (owner-only) where `serve --tls-cert --tls-key` reads them.</summary>
    public static void Write(GatehouseResource resource)
    {
        lock (resource)
        {
            if (File.Exists(resource.CertificateKeyPath))
            {
                return;
            }

            WriteFiles(resource);
        }
    }

    private static void WriteFiles(GatehouseResource resource)
    {
        OwnerOnlyFiles.CreateDirectory(resource.FilesDirectory);
        OwnerOnlyFiles.CreateDirectory(resource.TrustDirectory);
        File.WriteAllText(resource.CertificatePath, resource.Certificate.ExportCertificatePem());
        using var key = resource.Certificate.GetECDsaPrivateKey()!;
        OwnerOnlyFiles.Write(resource.CertificateKeyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
