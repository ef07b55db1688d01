namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>
/// One permission the app holds, as the Permissions blade lists it: a delegated scope of a grant (for everyone, or for
/// one user who consented) or an application permission (an app role assignment). <see cref="GrantId"/> is the
/// oauth2PermissionGrant's or the appRoleAssignment's ID; Revoke names it with <see cref="Value"/>.
/// </summary>
internal sealed record GrantedPermission(string Api, string Value, string Description, bool IsApplication, string GrantedThrough, string GrantId);
