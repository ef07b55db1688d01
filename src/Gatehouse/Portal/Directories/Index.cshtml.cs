using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Directories;

/// <summary>Directories + subscriptions: the directories this browser is signed in to, one click to switch, and a way to add one.</summary>
internal sealed class IndexModel(DirectorySessions directories) : PageModel
{
    public IReadOnlyList<DirectoryChoice> Directories { get; private set; } = [];

    /// <summary>Set when a switch was refused: the account is no longer listed, and why is said here.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => Directories = await directories.ListAsync(HttpContext);

    public async Task<IActionResult> OnPostSwitchAsync(Guid userId)
    {
        if (await directories.SwitchAsync(HttpContext, userId))
        {
            return LocalRedirect("/applications");
        }

        Problem = "That account is no longer signed in here, or it can no longer sign in. Sign in to its directory again.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        Directories = await directories.ListAsync(HttpContext);
        return Page();
    }
}
