namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>A user or service principal that owns (and so may manage) an app registration.</summary>
internal sealed class ApplicationOwner
{
    public Guid ApplicationId { get; set; }
    public Guid OwnerId { get; set; }
    public DirectoryObjectType OwnerType { get; set; }
}
