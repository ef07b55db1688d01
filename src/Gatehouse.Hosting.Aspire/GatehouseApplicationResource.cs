using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>An app registration declared in the app host, in its Gatehouse's default tenant, with a client secret once <c>WithSecret</c> gives it one.</summary>
public sealed class GatehouseApplicationResource(string name, GatehouseResource parent)
    : Resource(name), IResourceWithParent<GatehouseResource>
{
    public GatehouseResource Parent { get; } = parent;

    /// <summary>The Application (client) ID: the same for the same Gatehouse and app names, so a data directory keeps working across runs.</summary>
    public Guid ClientId { get; } = StableId(parent.Name, name);

    /// <summary>The client secret, a secret parameter the app host generates (or the one it was given).</summary>
    public ParameterResource? ClientSecret { get; internal set; }

    /// <summary>A version-4-shaped GUID from a hash of the two names.</summary>
    private static Guid StableId(string gatehouse, string application)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"gatehouse/{gatehouse}/{application}")).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
