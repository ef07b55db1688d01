using Gatehouse.DirectoryObjects.ServicePrincipals;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>What every blade of one enterprise application shares: the service principal from the route, in the signed-in administrator's tenant.</summary>
internal abstract class EnterpriseAppBladeModel(ServicePrincipalDirectory servicePrincipals) : ObjectBladeModel<ServicePrincipal>
{
    public override (string Name, string Path) Parent => ("Enterprise applications", "/enterpriseapps");

    public override IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", "")]),
        ("Manage", [("Properties", "/properties"), ("Users and groups", "/users"), ("Permissions", "/permissions")]),
    ];

    public ServicePrincipal Principal => Shown;

    protected ServicePrincipalDirectory ServicePrincipals => servicePrincipals;

    protected override Task<ServicePrincipal?> FindAsync(Guid tenantId, CancellationToken cancellationToken) => servicePrincipals.FindAsync(tenantId, Id, cancellationToken);

    protected override string NameOf(ServicePrincipal found) => found.DisplayName;
}
