using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Groups;

/// <summary>
/// Members and Owners of a group: a list of principals with Remove on each, and Add by a user's principal name or any
/// object's ID (<c>_GroupPrincipals</c>).
/// </summary>
internal abstract class GroupPrincipalsModel(GroupMemberships groups, UserAccounts users, PrincipalNames names) : GroupBladeModel(groups)
{
    /// <summary>"member" or "owner", as the page's text says it.</summary>
    public abstract string Noun { get; }

    /// <summary>Who may be added, as the Add form explains it.</summary>
    public abstract string AddHint { get; }

    [BindProperty(SupportsGet = true, Name = "add")]
    public bool Adding { get; set; }

    [BindProperty]
    public string? Principal { get; set; }

    public IReadOnlyList<PrincipalSummary> Principals { get; private set; } = [];

    protected abstract Task<IReadOnlyCollection<(Guid Id, DirectoryObjectType Type)>> ListAsync();

    protected abstract Task<DirectoryError?> AddAsync(Guid principalId);

    protected abstract Task<bool> RemoveAsync(Guid principalId);

    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        var typed = Principal?.Trim() ?? "";
        var id = Guid.TryParse(typed, out var objectId) ? objectId : (await users.FindAsync(User.TenantId(), typed, HttpContext.RequestAborted))?.Id;
        var problem = id is { } found ? await AddAsync(found) : DirectoryError.NotFound($"No user '{typed}' in this directory.");
        if (problem is not null)
        {
            Refused(problem.Message);
            Adding = true;
            return await ShowAsync();
        }

        return Done($"Added {typed} as {Noun}.", $"/{Noun}s");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid principalId)
    {
        if (await OpenAsync() is { } missing)
        {
            return missing;
        }

        return await RemoveAsync(principalId)
            ? Done($"Removed the {Noun}.", $"/{Noun}s")
            : Done($"That {Noun} was already removed.", $"/{Noun}s");
    }

    private async Task<PageResult> ShowAsync()
    {
        Principals = await names.DescribeAsync(User.TenantId(), await ListAsync(), HttpContext.RequestAborted);
        return Page();
    }
}
