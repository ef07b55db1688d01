using Gatehouse.Portal.Directories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Portal;

/// <summary>Signing out is a POST (with its antiforgery token), so that no link or image can end a session; it ends every directory's.</summary>
internal sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await DirectorySessions.SignOutAsync(HttpContext);
        return RedirectToPage();
    }
}
