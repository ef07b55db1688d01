using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>What every blade of one enterprise application shares: the service principal from the route, in the signed-in administrator's tenant.</summary>
internal abstract class EnterpriseAppBladeModel(ServicePrincipalDirectory servicePrincipals) : ObjectBladeModel
{
    public override (string Name, string Path) Parent => ("Enterprise applications", "/enterpriseapps");

    public override IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", "")]),
        ("Manage", [("Properties", "/properties"), ("Users and groups", "/users"), ("Permissions", "/permissions")]),
    ];

    public ServicePrincipal Principal { get; private set; } = null!;

    protected ServicePrincipalDirectory ServicePrincipals => servicePrincipals;

    /// <summary>Loads the service principal; the not-found page when there is none in this tenant.</summary>
    protected async Task<IActionResult?> OpenAsync()
    {
        if (await servicePrincipals.FindAsync(User.TenantId(), Id, HttpContext.RequestAborted) is not { } principal)
        {
            return NotFoundPage();
        }

        Principal = principal;
        Named(principal.DisplayName);
        return null;
    }
}
