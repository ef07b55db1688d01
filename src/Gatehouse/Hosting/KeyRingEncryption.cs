using Gatehouse.Data;

namespace Gatehouse.Hosting;

/// <summary>
/// Holds the store's Data Protection key ring to its key-encryption key before anything uses Data Protection: every
/// stored key must decrypt with it, or the node refuses to start and writes nothing (Data Protection, finding no key
/// it can read, would otherwise make a new one and store it beside the old). Keys stored unencrypted, as versions
/// before the key-encryption key kept them, are encrypted in place.
/// </summary>
internal static class KeyRingEncryption
{
    /// <summary>
    /// Checks every stored key opens with the <see cref="KeyEncryptionKey"/>, saves a new default one, encrypts the
    /// keys stored unencrypted; or a one-line reason the ring cannot be opened with it, having written nothing.
    /// </summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, GatehouseOptions options, CancellationToken cancellationToken)
    {
        var kek = services.GetRequiredService<KeyEncryptionKey>();
        if (kek.Unsaved && await StoredKeyRing.HoldsEncryptedKeysAsync(services, cancellationToken))
        {
            return $"The store's key ring is encrypted, and this node has no key-encryption key ({kek.Source} does not exist); "
                + "give it the store's own with --key-encryption-key or GATEHOUSE_KEY_ENCRYPTION_KEY. Nothing was changed.";
        }

        if (!await StoredKeyRing.OpensAsync(services, cancellationToken))
        {
            return $"The store's key ring is encrypted with another key-encryption key than {kek.Source} (certificate {kek.Certificate.Thumbprint}); "
                + "give this node the store's own with --key-encryption-key or GATEHOUSE_KEY_ENCRYPTION_KEY. Nothing was changed.";
        }

        if (kek.Unsaved)
        {
            kek.Save(options.DataFolder);
        }

        await StoredKeyRing.EncryptUnencryptedAsync(services, kek.Certificate, cancellationToken);
        return null;
    }
}
