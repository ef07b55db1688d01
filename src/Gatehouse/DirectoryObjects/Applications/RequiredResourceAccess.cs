namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>The permissions an application requests on one resource (Graph's requiredResourceAccess).</summary>
internal sealed class RequiredResourceAccess
{
    public Guid ResourceAppId { get; set; }
    public List<ResourceAccess> ResourceAccess { get; set; } = [];
}

/// <summary>One requested permission: a delegated scope ("Scope") or an application role ("Role").</summary>
internal sealed class ResourceAccess
{
    public const string ScopeType = "Scope";
    public const string RoleType = "Role";

    public Guid Id { get; set; }
    public string Type { get; set; } = ScopeType;
}
