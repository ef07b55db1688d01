namespace Gatehouse.Graph;

/// <summary>The Microsoft Graph permission names operations require (docs/protocol/graph-dataverse.md §1.1).</summary>
internal static class GraphPermission
{
    public const string UserRead = "User.Read";
    public const string UserReadWrite = "User.ReadWrite";
    public const string UserReadBasicAll = "User.ReadBasic.All";
    public const string UserReadAll = "User.Read.All";
    public const string UserReadWriteAll = "User.ReadWrite.All";
    public const string DirectoryReadAll = "Directory.Read.All";
    public const string DirectoryReadWriteAll = "Directory.ReadWrite.All";
    public const string DirectoryAccessAsUserAll = "Directory.AccessAsUser.All";
    public const string GroupReadAll = "Group.Read.All";
    public const string GroupReadWriteAll = "Group.ReadWrite.All";
    public const string GroupCreate = "Group.Create";
    public const string GroupMemberReadAll = "GroupMember.Read.All";
    public const string GroupMemberReadWriteAll = "GroupMember.ReadWrite.All";
    public const string MemberReadHidden = "Member.Read.Hidden";
    public const string ApplicationReadAll = "Application.Read.All";
    public const string ApplicationReadWriteAll = "Application.ReadWrite.All";
    public const string ApplicationReadWriteOwnedBy = "Application.ReadWrite.OwnedBy";
    public const string AppRoleAssignmentReadWriteAll = "AppRoleAssignment.ReadWrite.All";
    public const string DelegatedPermissionGrantReadWriteAll = "DelegatedPermissionGrant.ReadWrite.All";
    public const string DeviceReadAll = "Device.Read.All";
    public const string DeviceReadWriteAll = "Device.ReadWrite.All";
    public const string DomainReadAll = "Domain.Read.All";
    public const string DomainReadWriteAll = "Domain.ReadWrite.All";
    public const string RoleManagementReadDirectory = "RoleManagement.Read.Directory";
    public const string RoleManagementReadWriteDirectory = "RoleManagement.ReadWrite.Directory";
    public const string OrganizationReadAll = "Organization.Read.All";
    public const string CalendarsRead = "Calendars.Read";
    public const string CalendarsReadWrite = "Calendars.ReadWrite";
    public const string AuditLogReadAll = "AuditLog.Read.All";
}
