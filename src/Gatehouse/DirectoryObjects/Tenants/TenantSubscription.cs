using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>
/// The one Azure subscription Resource Manager lists for a tenant (docs/protocol/azure-cli.md §2). Its id is a
/// name-based UUID (version 5, RFC 9562 §5.5) of the tenant id: the Azure CLI keeps it in its profile and scripts pass
/// it as --subscription, so it must be the same after a restart, on every node and after an export into another store,
/// without a table to keep it in; and it differs from the tenant id, as in Azure, so code that mixes the two up fails.
/// </summary>
internal static class TenantSubscription
{
    // Gatehouse's own namespace for these names, so they collide with no other name-based UUID of the tenant id.
    private static readonly Guid Namespace = new("3f0c5e0a-7d2b-4a61-9c41-5b8d2e6f1a90");

    [SuppressMessage("Security", "CA5350", Justification = "RFC 9562 defines version 5 with SHA-1; the id is a name, not a secret or a signature.")]
    public static Guid IdOf(Guid tenantId)
    {
        Span<byte> name = stackalloc byte[32];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        tenantId.TryWriteBytes(name[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(name, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
