using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.MicrosoftHosts;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Hosting;

/// <summary>
/// The local certificate authority for Microsoft's hosts (<see cref="MicrosoftCertificateAuthority"/>), made at first
/// start and kept like the TLS certificate: its public certificate in ca.pem for clients to trust, its private key only
/// encrypted with Data Protection. It is made again when it no longer outlives a leaf or its name constraints are not
/// the current ones. An in-memory server makes a new one each start and writes nothing; GET /ca.pem serves it.
/// </summary>
internal static class CertificateAuthorityFile
{
    public const string PublicFileName = "ca.pem";
    public const string ProtectedKeyFileName = "ca.key.protected";
    private const string ProtectorPurpose = "Gatehouse.Hosting.CertificateAuthority";

    public static X509Certificate2 LoadOrCreate(GatehouseOptions options, IDataProtectionProvider dataProtection, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (options.InMemory)
        {
            return MicrosoftCertificateAuthority.Create(now);
        }

        if (LoadReadable(options.DataFolder, dataProtection) is { } existing)
        {
            if (MicrosoftCertificateAuthority.IsCurrent(existing, now))
            {
                return existing;
            }

            existing.Dispose();
        }

        var created = MicrosoftCertificateAuthority.Create(now);
        using var key = created.GetECDsaPrivateKey()!;
        DataFolderFiles.WriteAtomically(
            Path.Combine(options.DataFolder, ProtectedKeyFileName), Protector(dataProtection).Protect(key.ExportPkcs8PrivateKey()), DataFolderFiles.OwnerOnly);

        // Written last and whole: a reader that finds ca.pem finds a complete certificate and its key beside it.
        DataFolderFiles.WriteAtomically(
            Path.Combine(options.DataFolder, PublicFileName), System.Text.Encoding.ASCII.GetBytes(created.ExportCertificatePem() + "\n"), DataFolderFiles.Public);
        return created;
    }

    /// <summary>The stored authority; null when there is none, or its key can no longer be decrypted (the store's key ring was replaced).</summary>
    private static X509Certificate2? LoadReadable(string dataFolder, IDataProtectionProvider dataProtection)
    {
        try
        {
            return TryLoad(dataFolder, dataProtection);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The authority in <paramref name="dataFolder"/> with its private key, or null when either file is missing.</summary>
    public static X509Certificate2? TryLoad(string dataFolder, IDataProtectionProvider dataProtection)
    {
        var certificatePath = Path.Combine(dataFolder, PublicFileName);
        var keyPath = Path.Combine(dataFolder, ProtectedKeyFileName);
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            return null;
        }

        using var publicPart = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Protector(dataProtection).Unprotect(File.ReadAllBytes(keyPath)), out _);
        return publicPart.CopyWithPrivateKey(key);
    }

    private static IDataProtector Protector(IDataProtectionProvider dataProtection) => dataProtection.CreateProtector(ProtectorPurpose);
}
