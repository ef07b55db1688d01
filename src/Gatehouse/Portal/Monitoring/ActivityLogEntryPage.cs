using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Monitoring;

/// <summary>One log entry's details page: the entry of the route's ID in the signed-in person's directory, or a 404 that says so.</summary>
internal abstract class ActivityLogEntryPage<TEntry>(PortalAccess access, TimeProvider clock) : ActivityLogPage(access, clock)
    where TEntry : class
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Null when the directory has no such entry (or no longer: retention removed it).</summary>
    public TEntry? Entry { get; private set; }

    /// <summary>The page's heading, under the blade it belongs to.</summary>
    protected abstract string Heading { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessReaderAsync() is { } refused)
        {
            return refused;
        }

        ViewData["Title"] = Heading;
        Entry = await FindAsync(User.TenantId(), Id, HttpContext.RequestAborted);
        Response.StatusCode = Entry is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page();
    }

    protected abstract Task<TEntry?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken);
}
