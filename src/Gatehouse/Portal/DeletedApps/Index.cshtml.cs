using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.DeletedApps;

/// <summary>
/// Deleted applications: app registrations deleted in the last 30 days, newest first, each with Restore (back to App
/// registrations with its credentials, owners and permissions) and Delete permanently, which asks first.
/// </summary>
internal sealed class IndexModel(ApplicationRegistrations applications) : PageModel
{
    /// <summary>The app whose permanent deletion the page asks to confirm.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Purge { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<Application> Deleted { get; private set; } = [];

    public static DateTimeOffset PermanentlyDeletedOn(Application application) =>
        application.DeletedDateTime!.Value + ApplicationRegistrations.RestoreWindow;

    public async Task OnGetAsync()
    {
        ViewData["Title"] = "Deleted applications";
        Deleted = await applications.ListDeletedAsync(User.TenantId(), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id)
    {
        var restored = await applications.RestoreAsync(User.TenantId(), id, HttpContext.RequestAborted);
        Message = restored.Succeeded ? $"Restored {restored.Value.DisplayName}: it is back in App registrations." : restored.Error.Message;
        return Redirect("/deletedapps");
    }

    public async Task<IActionResult> OnPostPurgeAsync(Guid id)
    {
        var purged = await applications.PurgeAsync(User.TenantId(), id, HttpContext.RequestAborted);
        Message = purged.Succeeded ? $"Deleted {purged.Value.DisplayName} permanently." : purged.Error.Message;
        return Redirect("/deletedapps");
    }
}
