using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

/// <summary>
/// The Data Protection key ring's rows as Data Protection stores them: each key's master key either in an
/// encryptedSecret element or, as versions before the key-encryption key kept it, in the clear (marked requiresEncryption).
/// </summary>
internal static class StoredKeyRing
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly string Decryptor = typeof(EncryptedXmlDecryptor).FullName!;

    public static async Task<bool> HoldsEncryptedKeysAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return (await ReadAsync(scope, cancellationToken)).Any(key => key.Xml.Descendants(EncryptedSecret).Any());
    }

    /// <summary>Whether every encrypted key decrypts with the certificates Data Protection was given to unprotect keys with.</summary>
    public static async Task<bool> OpensAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var decryptor = new EncryptedXmlDecryptor(services);
        return (await ReadAsync(scope, cancellationToken))
            .SelectMany(key => key.Xml.Descendants(EncryptedSecret))
            .All(secret => OpensWith(decryptor, secret));
    }

    /// <summary>
    /// Encrypts each key stored in the clear to <paramref name="certificate"/> as Data Protection encrypts a new key:
    /// every element marked requiresEncryption becomes an encryptedSecret. The same keys, so what they protect still opens.
    /// </summary>
    public static async Task EncryptUnencryptedAsync(IServiceProvider services, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = await ReadAsync(scope, cancellationToken);
        var encryptor = new CertificateXmlEncryptor(certificate, services.GetRequiredService<ILoggerFactory>());
        foreach (var (row, xml) in keys)
        {
            var plain = xml.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            foreach (var element in plain)
            {
                var encrypted = encryptor.Encrypt(new XElement(element));
                element.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
            }

            if (plain.Count > 0)
            {
                row.Xml = xml.ToString(SaveOptions.DisableFormatting);
            }
        }

        await scope.ServiceProvider.GetRequiredService<GatehouseDb>().SaveChangesAsync(cancellationToken);
    }

    /// <summary>The rows of keys (not revocations), tracked by the scope's context, with their XML.</summary>
    private static async Task<List<(DataProtectionKey Row, XElement Xml)>> ReadAsync(AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        var rows = await scope.ServiceProvider.GetRequiredService<GatehouseDb>().DataProtectionKeys.ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row, XElement.Parse(row.Xml ?? "<empty />"))).Where(key => key.Item2.Name == "key")];
    }

    private static bool OpensWith(EncryptedXmlDecryptor decryptor, XElement secret)
    {
        if (secret.Attribute("decryptorType")?.Value.StartsWith(Decryptor + ",", StringComparison.Ordinal) != true)
        {
            return false;
        }

        try
        {
            decryptor.Decrypt(secret.Elements().Single());
            return true;
        }
        catch (Exception e) when (e is CryptographicException or XmlException or InvalidOperationException)
        {
            return false;
        }
    }
}
