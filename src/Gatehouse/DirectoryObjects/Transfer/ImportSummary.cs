namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>What an import created.</summary>
internal sealed record ImportSummary(Guid TenantId, int Users, int Groups, int Applications, int ServicePrincipals, int AppRoleAssignments, int Oauth2PermissionGrants);
