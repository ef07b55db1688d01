namespace Gatehouse.DirectoryObjects.Groups;

/// <summary>Ownership of a group by a user or service principal.</summary>
internal sealed class GroupOwner
{
    public Guid GroupId { get; set; }
    public Guid OwnerId { get; set; }
    public DirectoryObjectType OwnerType { get; set; }
}
