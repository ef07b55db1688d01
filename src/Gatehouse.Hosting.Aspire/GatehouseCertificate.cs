using System.Security.Cryptography.X509Certificates;
using Gatehouse.Hosting;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>The HTTPS certificate the app host gives its Gatehouse, so that the app host, and the projects it starts, know what to trust.</summary>
internal static class GatehouseCertificate
{
    public static X509Certificate2 Create(string resourceName) =>
        LoopbackServerCertificate.Create($"CN=Gatehouse {resourceName} (Aspire)", TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(30));

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
