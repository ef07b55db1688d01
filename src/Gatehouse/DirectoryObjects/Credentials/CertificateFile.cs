using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gatehouse.DirectoryObjects.Credentials;

/// <summary>
/// Reads an uploaded certificate (.cer, .crt or .pem: DER or PEM). Only a public certificate is accepted: a file that
/// carries a private key is refused, so that a key never reaches the directory.
/// </summary>
internal static class CertificateFile
{
    public const int MaximumBytes = 64 * 1024;

    public static Outcome<X509Certificate2, DirectoryError> Read(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return DirectoryError.Invalid("The certificate file is empty.");
        }

        if (content.Length > MaximumBytes)
        {
            return DirectoryError.Invalid($"The certificate file is larger than {MaximumBytes / 1024} KB.");
        }

        return LooksLikePem(content) ? ReadPem(Encoding.ASCII.GetString(content)) : ReadDer(content);
    }

    private static bool LooksLikePem(ReadOnlySpan<byte> content) => content.IndexOf("-----BEGIN "u8) >= 0;

    private static Outcome<X509Certificate2, DirectoryError> ReadPem(string text)
    {
        X509Certificate2? certificate = null;
        var remaining = text.AsSpan();
        while (PemEncoding.TryFind(remaining, out var fields))
        {
            var label = remaining[fields.Label];
            if (label.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                return PrivateKeyRefused();
            }

            if (label.SequenceEqual("CERTIFICATE") && certificate is null)
            {
                var der = Convert.FromBase64String(remaining[fields.Base64Data].ToString());
                var read = ReadDer(der);
                if (!read.Succeeded)
                {
                    return read;
                }

                certificate = read.Value;
            }

            remaining = remaining[fields.Location.End..];
        }

        return certificate is null
            ? DirectoryError.Invalid("The file holds no PEM CERTIFICATE block.")
            : certificate;
    }

    private static Outcome<X509Certificate2, DirectoryError> ReadDer(ReadOnlySpan<byte> der)
    {
        try
        {
            // On Linux, telling the content type of bytes that are no known format throws rather than answering Unknown.
            if (X509Certificate2.GetCertContentType(der) == X509ContentType.Pkcs12)
            {
                return PrivateKeyRefused();
            }

            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            return DirectoryError.Invalid("The file is not an X.509 certificate (expected .cer, .crt or .pem).");
        }
    }

    private static DirectoryError PrivateKeyRefused() =>
        DirectoryError.Invalid("The file contains a private key. Upload only the public certificate (.cer, .crt or .pem).");
}
