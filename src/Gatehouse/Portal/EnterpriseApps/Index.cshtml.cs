using Gatehouse.Data;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>
/// Enterprise applications: the tenant's service principals, by name, of one application type (the admin center's
/// default shows enterprise applications: neither Microsoft's own nor managed identities), searched by the start of a
/// name or by an application or object ID.
/// </summary>
internal sealed class IndexModel(GatehouseDb db) : PageModel
{
    public const int Shown = 200;

    public static IReadOnlyList<(string Value, string Label)> Types { get; } =
        [("enterprise", "Enterprise applications"), ("microsoft", "Microsoft applications"), ("managed", "Managed identities"), ("all", "All applications")];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Type { get; set; } = "enterprise";

    public IReadOnlyList<ServicePrincipal> Principals { get; private set; } = [];

    /// <summary>More match than are shown: the search should narrow them.</summary>
    public bool Truncated { get; private set; }

    public async Task OnGetAsync()
    {
        ViewData["Title"] = "Enterprise applications";
        Type = Types.Any(t => t.Value == Type) ? Type : "enterprise";
        var tenantId = User.TenantId();
        var principals = db.ServicePrincipals.AsNoTracking().Where(sp => sp.TenantId == tenantId);
        principals = Type switch
        {
            "microsoft" => principals.Where(sp => sp.AppOwnerOrganizationId == FirstPartyApi.MicrosoftServicesTenantId),
            "managed" => principals.Where(sp => sp.ServicePrincipalType == ManagedIdentityDirectory.ServicePrincipalType),
            "all" => principals,
            _ => principals.Where(sp => sp.AppOwnerOrganizationId != FirstPartyApi.MicrosoftServicesTenantId
                && sp.ServicePrincipalType != ManagedIdentityDirectory.ServicePrincipalType),
        };
        if (DirectoryListing.Criterion(Search) is { } search)
        {
            var prefix = search.ToUpperInvariant();
            // EF Core turns ToUpper().StartsWith into UPPER(...) LIKE on both stores; the StringComparison overload has no SQL.
#pragma warning disable CA1862
            principals = Guid.TryParse(search, out var id)
                ? principals.Where(sp => sp.AppId == id || sp.Id == id)
                : principals.Where(sp => sp.DisplayName.ToUpper().StartsWith(prefix));
#pragma warning restore CA1862
        }

        var fetched = await principals.OrderBy(sp => sp.DisplayName).ThenBy(sp => sp.Id).Take(Shown + 1).ToListAsync(HttpContext.RequestAborted);
        Truncated = fetched.Count > Shown;
        Principals = [.. fetched.Take(Shown)];
    }
}
