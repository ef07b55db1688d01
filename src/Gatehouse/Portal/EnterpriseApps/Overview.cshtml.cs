using Gatehouse.Data;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>An enterprise application's Overview: its essentials and the app registration it is an instance of, when that lives in this tenant.</summary>
internal sealed class OverviewModel(ServicePrincipalDirectory servicePrincipals, GatehouseDb db) : EnterpriseAppBladeModel(servicePrincipals)
{
    public override string Blade => "Overview";

    /// <summary>The object ID of the app registration in this tenant, when there is one.</summary>
    public Guid? Registration { get; private set; }

    public int Assignments { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        Registration = await db.Applications.AsNoTracking()
            .Where(a => a.TenantId == Principal.TenantId && a.AppId == Principal.AppId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(HttpContext.RequestAborted);
        Assignments = await db.AppRoleAssignments.CountAsync(a => a.ResourceId == Principal.Id, HttpContext.RequestAborted);
        return Page();
    }
}
