namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>A domain name of a tenant. Names are stored lower-case; each names at most one tenant.</summary>
internal sealed class TenantDomain
{
    public string Name { get; set; } = "";
    public Guid TenantId { get; set; }
    public bool IsDefault { get; set; }
    public bool IsInitial { get; set; }
    public bool IsVerified { get; set; } = true;
}
