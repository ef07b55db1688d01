namespace Gatehouse.DirectoryObjects.Devices;

/// <summary>A device registered or joined to the directory (Graph's device resource, docs/protocol/graph-dataverse.md §2.6).</summary>
internal sealed class Device
{
    public const int MaximumDisplayNameLength = 256;

    /// <summary>The directory object ID.</summary>
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The device's own identifier, set by the registration and distinct from <see cref="Id"/>.</summary>
    public Guid DeviceId { get; set; }

    public string DisplayName
    {
        get;
        set
        {
            field = value;
            NormalizedDisplayName = Normalize(value);
        }
    } = "";

    /// <summary>Upper-invariant display name, kept with it for case-insensitive, indexed filters.</summary>
    public string NormalizedDisplayName { get; set; } = "";

    public bool AccountEnabled { get; set; } = true;
    public string? OperatingSystem { get; set; }
    public string? OperatingSystemVersion { get; set; }

    /// <summary>"Workplace" (registered), "AzureAd" (joined) or "ServerAd" (hybrid joined).</summary>
    public string? TrustType { get; set; }

    public bool? IsCompliant { get; set; }
    public bool? IsManaged { get; set; }
    public DateTimeOffset RegistrationDateTime { get; set; }
    public DateTimeOffset? ApproximateLastSignInDateTime { get; set; }

    public static string Normalize(string displayName) => displayName.Trim().ToUpperInvariant();
}
