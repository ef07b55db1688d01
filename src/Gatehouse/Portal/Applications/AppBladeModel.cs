using Gatehouse.DirectoryObjects.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal.Applications;

/// <summary>What every blade of one app registration shares: the app from the route, opened only for those allowed to manage it.</summary>
internal abstract class AppBladeModel(PortalAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Application App { get; private set; } = null!;

    /// <summary>The blade's name in the left navigation and the heading.</summary>
    public abstract string Blade { get; }

    protected PortalAccess Access => access;

    /// <summary>Loads the app; a redirect to the page that explains the refusal when the user may not manage it.</summary>
    protected async Task<IActionResult?> OpenAsync()
    {
        var opened = await access.OpenAsync(User, Id, HttpContext.RequestAborted);
        if (!opened.Succeeded)
        {
            return Refuse(opened.Error.Reason);
        }

        App = opened.Value;
        ViewData["Title"] = $"{App.DisplayName} - {Blade}";
        return null;
    }

    protected IActionResult Refuse(PortalRefusal refusal) => RedirectToPage("/Denied", new { reason = refusal });
}
