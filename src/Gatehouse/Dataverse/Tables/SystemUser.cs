namespace Gatehouse.Dataverse.Tables;

/// <summary>
/// A user of the environment: a directory user (azureactivedirectoryobjectid = the user's object ID, made on first
/// call) or an application user (applicationid = the app's client ID, made by an administrator). Operations run as
/// this user and its security roles decide what it may do. It owns itself, so that the common columns apply.
/// </summary>
internal sealed class SystemUser : DataverseRecord
{
    /// <summary>accessmode 0: Read-Write (people); 4: Non-interactive (application users).</summary>
    public const int ReadWriteAccess = 0;
    public const int NonInteractiveAccess = 4;

    public string FullName { get; set; } = "";
    public string? DomainName { get; set; }
    public string? InternalEmailAddress { get; set; }
    public Guid? AzureActiveDirectoryObjectId { get; set; }
    public Guid? ApplicationId { get; set; }
    public bool IsDisabled { get; set; }
    public int AccessMode { get; set; }
    public List<SystemUserRole> Roles { get; set; } = [];
}
