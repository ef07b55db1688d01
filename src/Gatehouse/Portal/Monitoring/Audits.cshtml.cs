using Gatehouse.DirectoryObjects.Logs;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Monitoring;

/// <summary>Audit logs: every change to the directory, newest first, filtered by date, initiator, category, activity and target.</summary>
internal sealed class AuditsModel(PortalAccess access, TimeProvider clock, ActivityLogQueries logs) : ActivityLogPage(access, clock)
{
    /// <summary>The start of the initiator's user principal name or display name.</summary>
    [BindProperty(SupportsGet = true, Name = "initiatedBy")]
    public string? InitiatedBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "activity")]
    public string? Activity { get; set; }

    /// <summary>The start of the target's name or user principal name, or its object ID.</summary>
    [BindProperty(SupportsGet = true, Name = "target")]
    public string? Target { get; set; }

    public override string Blade => "Audit logs";

    public IReadOnlyList<DirectoryAuditEntry> Entries { get; private set; } = [];

    /// <summary>The categories and activities this directory's log holds.</summary>
    public (IReadOnlyList<string> Categories, IReadOnlyList<string> Activities) Choices { get; private set; } = ([], []);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessReaderAsync() is { } refused)
        {
            return refused;
        }

        var (since, until) = Window();
        var criteria = new AuditCriteria
        {
            Since = since,
            Until = until,
            InitiatedBy = Criterion(InitiatedBy),
            Category = Criterion(Category),
            Activity = Criterion(Activity),
            Target = Criterion(Target),
        };
        Choices = await logs.AuditChoicesAsync(User.TenantId(), HttpContext.RequestAborted);
        Entries = OnePage(await logs.AuditsAsync(User.TenantId(), criteria, Skip, PageSize + 1, HttpContext.RequestAborted));
        return Page();
    }
}
