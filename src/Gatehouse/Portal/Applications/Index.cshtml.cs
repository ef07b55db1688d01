using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Applications;

/// <summary>App registrations: all the user may manage, or only those they own, filtered by name or ID.</summary>
internal sealed class IndexModel(ApplicationRegistrations applications, PortalAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "all";

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<Application> Applications { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        var owned = View == "owned" || !await access.IsAppAdministratorAsync(User, HttpContext.RequestAborted);
        View = View == "owned" ? "owned" : "all";
        var all = await applications.ListAsync(User.TenantId(), HttpContext.RequestAborted, includeOwners: true);
        var search = Search?.Trim();
        Applications = [.. all
            .Where(a => !owned || a.Owners.Any(o => o.OwnerId == userId))
            .Where(a => string.IsNullOrEmpty(search)
                || a.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || a.AppId.ToString().StartsWith(search, StringComparison.OrdinalIgnoreCase)
                || a.Id.ToString().StartsWith(search, StringComparison.OrdinalIgnoreCase))];
    }
}
