using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Hosting;

/// <summary>
/// The HTTPS certificate: the operator's (--tls-cert/--tls-key), or a self-signed one for localhost and 127.0.0.1 made
/// at first start. Its public part is written to tls.pem for clients to trust; its private key is kept only encrypted
/// with Data Protection.
/// </summary>
internal static class TlsCertificate
{
    public const string PublicFileName = "tls.pem";
    public const string ProtectedKeyFileName = "tls.key.protected";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>Why the operator's --tls-cert and --tls-key cannot be used, or null when they can (or are not given).</summary>
    public static string? OperatorCertificateProblem(GatehouseOptions options)
    {
        if (options.TlsCert is null || options.TlsKey is null)
        {
            return null;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(options.TlsCert, options.TlsKey);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"The TLS certificate cannot be loaded from --tls-cert {options.TlsCert} and --tls-key {options.TlsKey}: {e.Message}";
        }
    }

    public static X509Certificate2 LoadOrCreate(GatehouseOptions options, IDataProtectionProvider dataProtection, TimeProvider clock)
    {
        if (options.TlsCert is not null && options.TlsKey is not null)
        {
            return X509Certificate2.CreateFromPemFile(options.TlsCert, options.TlsKey);
        }

        if (options.InMemory)
        {
            return CreateSelfSigned(clock);
        }

        var protector = dataProtection.CreateProtector("Gatehouse.Hosting.TlsCertificate");
        var certificatePath = Path.Combine(options.DataFolder, PublicFileName);
        var keyPath = Path.Combine(options.DataFolder, ProtectedKeyFileName);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            var existing = Load(certificatePath, keyPath, protector);
            if (existing.NotAfter.ToUniversalTime() > clock.GetUtcNow().UtcDateTime.AddDays(1))
            {
                return existing;
            }
        }

        var created = CreateSelfSigned(clock);
        using var key = created.GetECDsaPrivateKey()!;
        DataFolderFiles.WriteAtomically(keyPath, protector.Protect(key.ExportPkcs8PrivateKey()), DataFolderFiles.OwnerOnly);

        // Written last and whole: a reader that finds tls.pem finds a complete certificate and its key beside it.
        DataFolderFiles.WriteAtomically(certificatePath, System.Text.Encoding.ASCII.GetBytes(created.ExportCertificatePem() + "\n"), DataFolderFiles.Public);
        return created;
    }

    /// <summary>An ECDSA certificate, or the RSA one a data folder made before certificates were ECDSA.</summary>
    private static X509Certificate2 Load(string certificatePath, string keyPath, IDataProtector protector)
    {
        using var publicPart = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        var pkcs8 = protector.Unprotect(File.ReadAllBytes(keyPath));
        using var ecdsaPublicKey = publicPart.GetECDsaPublicKey();
        if (ecdsaPublicKey is not null)
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return publicPart.CopyWithPrivateKey(ecdsa);
        }

        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return publicPart.CopyWithPrivateKey(rsa);
    }

    private static X509Certificate2 CreateSelfSigned(TimeProvider clock) =>
        LoopbackServerCertificate.Create("CN=localhost", clock.GetUtcNow(), Lifetime);
}
