using Gatehouse.DirectoryObjects.Logs;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Monitoring;

/// <summary>One sign-in's details: who, to what, from where, with which credential, and why it was refused.</summary>
internal sealed class SignInDetailsModel(PortalAccess access, TimeProvider clock, ActivityLogQueries logs) : ActivityLogPage(access, clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override string Blade => "Sign-in logs";

    /// <summary>Null when the directory has no such entry (or no longer: retention removed it).</summary>
    public SignInLogEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessReaderAsync() is { } refused)
        {
            return refused;
        }

        ViewData["Title"] = "Sign-in details";
        Entry = await logs.SignInAsync(User.TenantId(), Id, HttpContext.RequestAborted);
        Response.StatusCode = Entry is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page();
    }
}
