namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>What an import wrote: the objects the document listed (created or updated) and the service principals it added.</summary>
internal sealed record ImportSummary(Guid TenantId, int Users, int Groups, int Applications, int ServicePrincipals, int AppRoleAssignments, int Oauth2PermissionGrants)
{
    /// <summary>"merge" or "replace".</summary>
    public string Mode { get; init; } = "merge";

    /// <summary>
    /// Whether the import removed admin-password.txt because its password signs in no Global Administrator of the
    /// tenant any more (the document replaced the first administrator or gave it another password).
    /// </summary>
    public bool AdministratorPasswordFileRemoved { get; init; }
}
