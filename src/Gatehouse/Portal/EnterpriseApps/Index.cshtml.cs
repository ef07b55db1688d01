using Gatehouse.Data;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Portal.EnterpriseApps;

/// <summary>
/// Enterprise applications: the tenant's service principals, by name, of one application type (the admin center's
/// default shows enterprise applications: neither Microsoft's own nor managed identities), searched by the start of a
/// name or by an application or object ID, a keyset page at a time.
/// </summary>
internal sealed class IndexModel(GatehouseDb db) : DirectoryListModel<ServicePrincipal>
{
    private const string DefaultType = "enterprise";

    private string type = DefaultType;

    public static IReadOnlyList<(string Value, string Label)> Types { get; } =
        [(DefaultType, "Enterprise applications"), ("microsoft", "Microsoft applications"), ("managed", "Managed identities"), ("all", "All applications")];

    [BindProperty(SupportsGet = true)]
    public string Type
    {
        get => type;
        set => type = Types.Any(t => t.Value == value) ? value : DefaultType;
    }

    protected override (string Title, string Path) List => ("Enterprise applications", $"/enterpriseapps?type={Type}");

    protected override async Task<List<ServicePrincipal>> FetchAsync(string? search, int top, Guid? after)
    {
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
        if (search is not null)
        {
            var prefix = search.ToUpperInvariant();
            // EF Core turns ToUpper().StartsWith into UPPER(...) LIKE on both stores; the StringComparison overload has no SQL.
#pragma warning disable CA1862
            principals = Guid.TryParse(search, out var id)
                ? principals.Where(sp => sp.AppId == id || sp.Id == id)
                : principals.Where(sp => sp.DisplayName.ToUpper().StartsWith(prefix));
#pragma warning restore CA1862
        }

        if (after is { } lastId
            && await db.ServicePrincipals.Where(sp => sp.TenantId == tenantId && sp.Id == lastId).Select(sp => sp.DisplayName).FirstOrDefaultAsync(HttpContext.RequestAborted) is { } lastName)
        {
            principals = principals.Where(sp => sp.DisplayName.CompareTo(lastName) > 0 || (sp.DisplayName == lastName && sp.Id.CompareTo(lastId) > 0));
        }

        return await principals.OrderBy(sp => sp.DisplayName).ThenBy(sp => sp.Id).Take(top).ToListAsync(HttpContext.RequestAborted);
    }

    protected override Guid IdOf(ServicePrincipal item) => item.Id;
}
