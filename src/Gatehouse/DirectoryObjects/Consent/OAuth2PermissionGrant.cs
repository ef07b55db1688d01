namespace Gatehouse.DirectoryObjects.Consent;

/// <summary>Delegated permissions a client may use on a resource: for every user (admin consent) or for one user.</summary>
internal sealed class OAuth2PermissionGrant
{
    public const string AllPrincipals = "AllPrincipals";
    public const string Principal = "Principal";

    /// <summary>Opaque, as Graph's: base64url rather than a GUID.</summary>
    public string Id { get; set; } = "";

    public Guid TenantId { get; set; }

    /// <summary>The client's service principal.</summary>
    public Guid ClientId { get; set; }

    public string ConsentType { get; set; } = AllPrincipals;
    public Guid? PrincipalId { get; set; }

    /// <summary>The resource's service principal.</summary>
    public Guid ResourceId { get; set; }

    /// <summary>Space-separated scope values.</summary>
    public string Scope { get; set; } = "";
}
