using Gatehouse.DirectoryObjects.Roles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Connectors;

/// <summary>What the Connector instances pages share: they are for Global Administrators, who keep the hub's instances alive.</summary>
internal abstract class ConnectorsPage(DirectoryRoleAssignments roles) : PageModel
{
    /// <summary>What the last action did, shown once after its redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    protected async Task<IActionResult?> RefuseUnlessGlobalAdministratorAsync() =>
        await roles.HoldsAnyAsync(User.TenantId(), User.UserId(), [DirectoryRoleTemplate.GlobalAdministrator], HttpContext.RequestAborted)
            ? null
            : RedirectToPage("/Denied", new { reason = PortalRefusal.NotConnectorAdministrator });
}
