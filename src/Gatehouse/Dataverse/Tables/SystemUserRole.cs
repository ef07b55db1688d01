namespace Gatehouse.Dataverse.Tables;

/// <summary>A security role held by a system user (the systemuserroles_association of Dataverse).</summary>
internal sealed class SystemUserRole
{
    public Guid SystemUserId { get; set; }
    public Guid RoleId { get; set; }
}
