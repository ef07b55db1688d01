using Gatehouse.DirectoryObjects.Logs;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Portal.Monitoring;

/// <summary>Sign-in logs: every sign-in of the directory, newest first, filtered by date, user, application and status.</summary>
internal sealed class SignInsModel(PortalAccess access, TimeProvider clock, ActivityLogQueries logs) : ActivityLogPage(access, clock)
{
    /// <summary>The start of a user principal name or display name, or a user's object ID.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    /// <summary>An application (client) ID, or the start of an application's name.</summary>
    [BindProperty(SupportsGet = true, Name = "app")]
    public string? App { get; set; }

    /// <summary>success, failure, or empty for both.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public override string Blade => "Sign-in logs";

    public IReadOnlyList<SignInLogEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessReaderAsync() is { } refused)
        {
            return refused;
        }

        var (since, until) = Window();
        var criteria = new SignInCriteria
        {
            Since = since,
            Until = until,
            User = Criterion(UserFilter),
            App = Criterion(App),
            Succeeded = Status switch { "success" => true, "failure" => false, _ => null },
        };
        Entries = OnePage(await logs.SignInsAsync(User.TenantId(), criteria, Skip, PageSize + 1, HttpContext.RequestAborted));
        return Page();
    }
}
