namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>A delegated permission that a resource exposes: Graph's permissionScope.</summary>
internal sealed class PermissionScope
{
    public const string AdminConsent = "Admin";
    public const string UserConsent = "User";

    public Guid Id { get; set; }
    public string Value { get; set; } = "";

    /// <summary>"Admin" when only an administrator may consent, "User" when users may.</summary>
    public string Type { get; set; } = UserConsent;

    public string AdminConsentDisplayName { get; set; } = "";
    public string AdminConsentDescription { get; set; } = "";
    public string UserConsentDisplayName { get; set; } = "";
    public string UserConsentDescription { get; set; } = "";
    public bool IsEnabled { get; set; } = true;
}
