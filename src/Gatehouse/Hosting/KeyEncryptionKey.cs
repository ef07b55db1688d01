using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gatehouse.Hosting;

/// <summary>
/// The certificate whose private key encrypts the store's Data Protection key ring (README.md, "Security"): the
/// operator's (--key-encryption-key, a PEM or PFX file or PEM text), or the data folder's keys/kek, beside the store
/// and never in it. Read before the services are registered, since Data Protection takes the certificate then.
/// </summary>
/// <param name="Source">Where it came from, for a refusal's message.</param>
/// <param name="Unsaved">
/// Made by this run, for a data folder without keys/kek or an in-memory store: <see cref="KeyRingEncryption"/> writes it
/// to keys/kek only when the store holds no encrypted key yet (a first start, or a ring of an earlier version).
/// </param>
internal sealed record KeyEncryptionKey(X509Certificate2 Certificate, string Source, bool Unsaved)
{
    public const string FolderName = "keys";
    public const string FileName = "kek";

    public static string DefaultPath(string dataFolder) => Path.Combine(dataFolder, FolderName, FileName);

    /// <summary>The operator's key, a new one for an in-memory store, the data folder's keys/kek, or a new one to be saved there.</summary>
    public static Outcome<KeyEncryptionKey, string> Read(GatehouseOptions options)
    {
        if (options.KeyEncryptionKey is { } supplied)
        {
            var given = LoadSupplied(supplied);
            return given.Succeeded ? new KeyEncryptionKey(given.Value, "the one given", Unsaved: false) : given.Error;
        }

        var path = DefaultPath(options.DataFolder);
        if (options.InMemory || !File.Exists(path))
        {
            return new KeyEncryptionKey(Create(), options.InMemory ? "a new one in memory" : path, Unsaved: !options.InMemory);
        }

        var loaded = LoadSupplied(path);
        return loaded.Succeeded ? new KeyEncryptionKey(loaded.Value, path, Unsaved: false) : loaded.Error;
    }

    /// <summary>The operator's key-encryption key: PEM text, or a PEM or PFX file (certificate and private key, no password).</summary>
    private static Outcome<X509Certificate2, string> LoadSupplied(string supplied)
    {
        var isText = supplied.Contains("-----BEGIN", StringComparison.Ordinal);
        try
        {
            if (WithPrivateKey(isText ? X509Certificate2.CreateFromPem(supplied, supplied) : LoadFile(supplied)) is { } key)
            {
                return key;
            }

            return $"The key-encryption key {Described(supplied, isText)} has no RSA private key.";
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return $"The key-encryption key {Described(supplied, isText)} cannot be read: {e.Message}";
        }
    }

    // Made before there are services, so before the injected clock; Data Protection does not look at its validity.
    // RSA-2048, the strength of the signing keys the ring protects: a larger key would guard them no better, and
    // making an RSA-3072 key took 0.45-1.4 s of every first start against 0.2-0.3 s.
    private static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Gatehouse key-encryption key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(100));
    }

    /// <summary>Writes the certificate and its private key as PEM to keys/kek, the folder owner-only (0700), the file too (0600).</summary>
    public void Save(string dataFolder)
    {
        var folder = Path.Combine(dataFolder, FolderName);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var rsa = Certificate.GetRSAPrivateKey()!;
        DataFolderFiles.WriteAtomically(DefaultPath(dataFolder),
            Encoding.ASCII.GetBytes(Certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n"), DataFolderFiles.OwnerOnly);
    }

    private static X509Certificate2 LoadFile(string path) =>
        File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password: null);

    private static X509Certificate2? WithPrivateKey(X509Certificate2 loaded)
    {
        using var rsa = loaded.GetRSAPrivateKey();
        if (rsa is not null)
        {
            return loaded;
        }

        loaded.Dispose();
        return null;
    }

    private static string Described(string supplied, bool isText) => isText ? "given as PEM text" : supplied;
}
