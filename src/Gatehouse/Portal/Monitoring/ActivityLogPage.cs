using Gatehouse.DirectoryObjects.Logs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Portal.Monitoring;

/// <summary>
/// What the Sign-in logs and Audit logs blades share: Global Administrators only, and a date range and page number
/// read from the query string, so that every view of a log is a link one can bookmark or send.
/// </summary>
internal abstract class ActivityLogPage(PortalAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Entra's choices: the last 24 hours (the default), 7 days, 30 days, or custom (<see cref="From"/>, <see cref="To"/>).</summary>
    public static IReadOnlyList<(string Value, string Label)> Ranges { get; } =
        [("24h", "Last 24 hours"), ("7d", "Last 7 days"), ("30d", "Last 30 days"), ("custom", "Custom time range")];

    [BindProperty(SupportsGet = true, Name = "range")]
    public string Range { get; set; } = "24h";

    /// <summary>The custom range's first day (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The custom range's last day (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagenum")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The blade's name: its heading and its place in the Monitoring navigation.</summary>
    public abstract string Blade { get; }

    public bool HasNextPage { get; protected set; }

    protected int Skip => (PageNumber - 1) * PageSize;

    /// <summary>A redirect to the refusal page unless the signed-in person may read the logs; also settles the range and page.</summary>
    protected async Task<IActionResult?> RefuseUnlessReaderAsync()
    {
        if (!await access.MayReadActivityLogsAsync(User, HttpContext.RequestAborted))
        {
            return RedirectToPage("/Denied", new { reason = PortalRefusal.NotLogReader });
        }

        Range = Ranges.Any(r => r.Value == Range) ? Range : "24h";
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        ViewData["Title"] = ViewData["Blade"] = Blade;
        return null;
    }

    /// <summary>The moments the range starts at and ends before; either may be open.</summary>
    protected (DateTimeOffset? Since, DateTimeOffset? Until) Window()
    {
        var now = clock.GetUtcNow();
        return Range switch
        {
            "7d" => (now.AddDays(-7), null),
            "30d" => (now.AddDays(-30), null),
            "custom" => (StartOf(From), StartOf(To?.AddDays(1))),
            _ => (now.AddHours(-24), null),
        };
    }

    /// <summary>Keeps one more entry than a page holds, to know whether a next page exists.</summary>
    protected IReadOnlyList<T> OnePage<T>(IReadOnlyList<T> fetched)
    {
        HasNextPage = fetched.Count > PageSize;
        return [.. fetched.Take(PageSize)];
    }

    /// <summary>This view with another page number: the same filters, from the query string.</summary>
    public string PageLink(int pageNumber) => QueryHelpers.AddQueryString(
        Request.Path,
        Request.Query.Where(p => p.Key != "pagenum").Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .Append(KeyValuePair.Create("pagenum", (string?)pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The text of an entry's time, in UTC as every column heading says.</summary>
    public static string Time(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("M/d/yyyy, h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A text filter as the store can compare it: no control characters (PostgreSQL refuses NUL), no longer than a logged value, null when empty.</summary>
    protected static string? Criterion(string? text)
    {
        var clean = text is null ? "" : new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, SignInLogEntry.MaximumTextLength)];
    }

    private static DateTimeOffset? StartOf(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
