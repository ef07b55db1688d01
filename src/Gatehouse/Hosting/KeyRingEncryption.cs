using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using Gatehouse.Data;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Hosting;

/// <summary>
/// Holds the store's Data Protection key ring to its key-encryption key before anything uses Data Protection: every
/// stored key must decrypt with it, or the node refuses to start and writes nothing (Data Protection, finding no key
/// it can read, would otherwise make a new one and store it beside the old). Keys stored unencrypted, as versions
/// before the key-encryption key kept them, are encrypted in place: the same keys, so what they protect still opens.
/// </summary>
internal static class KeyRingEncryption
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly string Decryptor = typeof(EncryptedXmlDecryptor).FullName!;

    /// <summary>
    /// Checks every stored key opens with the <see cref="KeyEncryptionKey"/>, saves a new default one, encrypts the
    /// keys stored unencrypted; or a one-line reason the ring cannot be opened with it, having written nothing.
    /// </summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, GatehouseOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        var keys = (await db.DataProtectionKeys.ToListAsync(cancellationToken))
            .Select(row => (Row: row, Xml: XElement.Parse(row.Xml ?? "<empty />")))
            .Where(key => key.Xml.Name == "key")
            .ToList();
        var encrypted = keys.Where(key => key.Xml.Descendants(EncryptedSecret).Any()).ToList();

        var kek = services.GetRequiredService<KeyEncryptionKey>();
        if (kek.Unsaved && encrypted.Count > 0)
        {
            return $"The store's key ring is encrypted, and this node has no key-encryption key ({kek.Source} does not exist); "
                + "give it the store's own with --key-encryption-key or GATEHOUSE_KEY_ENCRYPTION_KEY. Nothing was changed.";
        }

        var decryptor = new EncryptedXmlDecryptor(services);
        foreach (var secret in encrypted.SelectMany(key => key.Xml.Descendants(EncryptedSecret)))
        {
            if (!OpensWith(decryptor, secret))
            {
                return $"The store's key ring is encrypted with another key-encryption key than {kek.Source} (certificate {kek.Certificate.Thumbprint}); "
                    + "give this node the store's own with --key-encryption-key or GATEHOUSE_KEY_ENCRYPTION_KEY. Nothing was changed.";
            }
        }

        if (kek.Unsaved)
        {
            kek.Save(options.DataFolder);
        }

        var encryptor = new CertificateXmlEncryptor(kek.Certificate, services.GetRequiredService<ILoggerFactory>());
        foreach (var (row, xml) in keys.Except(encrypted))
        {
            Encrypt(xml, encryptor);
            row.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
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

    /// <summary>What Data Protection does as it stores a new key: each element it marked requiresEncryption becomes an encryptedSecret.</summary>
    private static void Encrypt(XElement key, CertificateXmlEncryptor encryptor)
    {
        foreach (var plain in key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
        {
            var encrypted = encryptor.Encrypt(new XElement(plain));
            plain.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }
    }
}
