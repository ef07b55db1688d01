using Gatehouse.DirectoryObjects.Logs;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Monitoring;

/// <summary>One directory change's details: the activity, who initiated it, its target and the properties it changed, old and new.</summary>
internal sealed class AuditDetailsModel(PortalAccess access, TimeProvider clock, ActivityLogQueries logs) : ActivityLogPage(access, clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override string Blade => "Audit logs";

    /// <summary>Null when the directory has no such entry (or no longer: retention removed it).</summary>
    public DirectoryAuditEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessReaderAsync() is { } refused)
        {
            return refused;
        }

        ViewData["Title"] = "Audit log details";
        Entry = await logs.AuditAsync(User.TenantId(), Id, HttpContext.RequestAborted);
        Response.StatusCode = Entry is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page();
    }
}
