using System.Security.Cryptography;
using System.Text;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;

namespace Gatehouse.Dataverse;

/// <summary>
/// A tenant's one environment: its URL (the Dynamics CRM App ID URI tokens name) and the organization and root
/// business unit WhoAmI reports, derived from the tenant ID so that every node and restart answers the same.
/// </summary>
internal sealed record DataverseEnvironment(Guid TenantId, string Url, Guid OrganizationId, Guid BusinessUnitId)
{
    public static DataverseEnvironment For(Guid tenantId, string initialDomain) =>
        new(tenantId, DynamicsCrmApi.OrganizationUrl(initialDomain), Derive(tenantId, "organization"), Derive(tenantId, "businessunit"));

    // RFC 9562 §5.8 (UUIDv8): a name-based ID from SHA-256 of the tenant and the kind of object.
    private static Guid Derive(Guid tenantId, string kind)
    {
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId:D}/{kind}"))[..16].CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
