namespace Gatehouse.DirectoryObjects.Roles;

/// <summary>A user, group or service principal holding a directory role in a tenant.</summary>
internal sealed class DirectoryRoleMember
{
    public Guid TenantId { get; set; }
    public Guid RoleTemplateId { get; set; }
    public Guid PrincipalId { get; set; }
    public DirectoryObjectType PrincipalType { get; set; }
}
