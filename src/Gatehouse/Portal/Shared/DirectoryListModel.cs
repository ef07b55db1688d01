using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal;

/// <summary>
/// A directory list (Users, Groups, Enterprise applications): by display name, searched by the start of a name, 50 a page, each page the
/// objects after the last one of the one before (<see cref="ListPages"/>).
/// </summary>
internal abstract class DirectoryListModel<T> : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The last object of the previous page: this page starts after it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    /// <summary>What the previous request did (an object deleted), shown once.</summary>
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<T> Items { get; private set; } = [];

    public ListPages Pages { get; private set; } = null!;

    /// <summary>The list's name and path: ("Users", "/users").</summary>
    protected abstract (string Title, string Path) List { get; }

    /// <summary>At most <paramref name="top"/> objects in list order, matching the search, after <paramref name="after"/>.</summary>
    protected abstract Task<List<T>> FetchAsync(string? search, int top, Guid? after);

    protected abstract Guid IdOf(T item);

    public async Task OnGetAsync()
    {
        ViewData["Title"] = List.Title;
        var fetched = await FetchAsync(DirectoryListing.Criterion(Search), PageSize + 1, After);
        Items = [.. fetched.Take(PageSize)];
        Pages = new ListPages(List.Path, Search, After is null, fetched.Count > PageSize ? IdOf(Items[^1]) : null);
    }
}
