using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Users;

/// <summary>All users: by display name, searched by the start of a display name or user principal name, a keyset page at a time.</summary>
internal sealed class IndexModel(UserAccounts users) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The last user of the previous page: this page starts after it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    /// <summary>What the previous request did (a user deleted), shown once.</summary>
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<User> Users { get; private set; } = [];

    public ListPages Pages { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        ViewData["Title"] = "Users";
        var fetched = await users.ListAsync(User.TenantId(), DirectoryListing.Criterion(Search), PageSize + 1, HttpContext.RequestAborted, After);
        Users = [.. fetched.Take(PageSize)];
        Pages = new ListPages("/users", Search, After is null, fetched.Count > PageSize ? Users[^1].Id : null);
    }
}
