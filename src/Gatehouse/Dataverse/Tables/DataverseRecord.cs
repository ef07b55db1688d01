namespace Gatehouse.Dataverse.Tables;

/// <summary>
/// The columns every user-owned Dataverse row has: its environment (the tenant), owner, audit times and the
/// versionnumber its ETag is made of (W/"versionnumber"), which changes on every write.
/// </summary>
internal abstract class DataverseRecord
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OwnerId { get; set; }
    public Guid CreatedBy { get; set; }
    public Guid ModifiedBy { get; set; }
    public DateTimeOffset CreatedOn { get; set; }
    public DateTimeOffset ModifiedOn { get; set; }
    public long VersionNumber { get; set; }
    public int StateCode { get; set; }
    public int StatusCode { get; set; } = 1;
}
