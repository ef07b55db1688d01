using Gatehouse.DirectoryObjects.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Groups;

/// <summary>All groups: by display name, searched by the start of a name, a keyset page at a time.</summary>
internal sealed class IndexModel(GroupMemberships groups) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The last group of the previous page: this page starts after it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    /// <summary>What the previous request did (a group deleted), shown once.</summary>
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public ListPages Pages { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ViewData["Title"] = "Groups";
        var fetched = await groups.ListAsync(User.TenantId(), DirectoryListing.Criterion(Search), PageSize + 1, HttpContext.RequestAborted, After);
        Groups = [.. fetched.Take(PageSize)];
        Pages = new ListPages("/groups", Search, After is null, fetched.Count > PageSize ? Groups[^1].Id : null);
    }
}
