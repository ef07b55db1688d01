namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>An app role of a resource granted to a principal: for a client service principal, an application permission.</summary>
internal sealed class AppRoleAssignment
{
    /// <summary>Opaque, as Graph's: 43 base64url characters rather than a GUID.</summary>
    public string Id { get; set; } = "";

    public Guid TenantId { get; set; }
    public Guid PrincipalId { get; set; }
    public DirectoryObjectType PrincipalType { get; set; }
    public Guid ResourceId { get; set; }
    public Guid AppRoleId { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
}
