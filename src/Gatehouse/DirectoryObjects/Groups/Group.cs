namespace Gatehouse.DirectoryObjects.Groups;

/// <summary>A security or Microsoft 365 group.</summary>
internal sealed class Group
{
    public const string HiddenMembership = "HiddenMembership";
    public const string Unified = "Unified";
    public const int MaximumDisplayNameLength = 256;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    public string DisplayName
    {
        get;
        set
        {
            field = value;
            NormalizedDisplayName = Normalize(value);
        }
    } = "";

    /// <summary>Upper-invariant display name, kept with it: case-insensitive filters compare it in SQL through an index.</summary>
    public string NormalizedDisplayName { get; set; } = "";

    public string? Description { get; set; }
    public string MailNickname { get; set; } = "";
    public bool MailEnabled { get; set; }
    public bool SecurityEnabled { get; set; } = true;

    /// <summary>Graph's groupTypes: empty for a security group, ["Unified"] for a Microsoft 365 group.</summary>
    public List<string> GroupTypes { get; set; } = [];

    /// <summary>"Public", "Private" or "HiddenMembership" (members readable only with Member.Read.Hidden).</summary>
    public string? Visibility { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }
    public List<GroupMember> Members { get; set; } = [];
    public List<GroupOwner> Owners { get; set; } = [];

    public bool HidesMembers => Visibility == HiddenMembership;

    public static string Normalize(string displayName) => displayName.Trim().ToUpperInvariant();
}
