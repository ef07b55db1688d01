namespace Gatehouse.DirectoryObjects.Tenants;

/// <summary>A directory (Entra "organization"): the boundary of users, groups, apps and consent.</summary>
internal sealed class Tenant
{
    public Guid Id { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>Tenant setting "Users can register applications" (on by default, as in Entra).</summary>
    public bool UsersCanRegisterApplications { get; set; } = true;

    /// <summary>App management policy: the longest a new client secret may live, in days. Null: no limit.</summary>
    public int? MaxSecretLifetimeDays { get; set; }

    public List<TenantDomain> Domains { get; set; } = [];

    public string DefaultDomain => Domains.FirstOrDefault(d => d.IsDefault)?.Name ?? Domains.FirstOrDefault()?.Name ?? "";
}
