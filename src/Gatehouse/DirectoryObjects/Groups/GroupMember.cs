namespace Gatehouse.DirectoryObjects.Groups;

/// <summary>Membership of a user, group or service principal in a group.</summary>
internal sealed class GroupMember
{
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public DirectoryObjectType MemberType { get; set; }
}
