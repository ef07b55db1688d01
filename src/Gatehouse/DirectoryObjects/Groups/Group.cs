namespace Gatehouse.DirectoryObjects.Groups;

/// <summary>A security or Microsoft 365 group.</summary>
internal sealed class Group
{
    public const string HiddenMembership = "HiddenMembership";

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }
    public string MailNickname { get; set; } = "";
    public bool MailEnabled { get; set; }
    public bool SecurityEnabled { get; set; } = true;

    /// <summary>"Public", "Private" or "HiddenMembership" (members readable only with Member.Read.Hidden).</summary>
    public string? Visibility { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }
    public List<GroupMember> Members { get; set; } = [];
    public List<GroupOwner> Owners { get; set; } = [];
}
