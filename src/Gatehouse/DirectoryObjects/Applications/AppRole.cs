namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>An application permission (or user role) that a resource exposes: Graph's appRole.</summary>
internal sealed class AppRole
{
    public Guid Id { get; set; }
    public string Value { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> AllowedMemberTypes { get; set; } = ["Application"];
    public bool IsEnabled { get; set; } = true;
}
