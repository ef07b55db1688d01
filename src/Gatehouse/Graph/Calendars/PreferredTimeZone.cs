using System.Text.RegularExpressions;
using Gatehouse.DirectoryObjects.Calendars;

namespace Gatehouse.Graph.Calendars;

/// <summary>
/// The zone event times are written in: UTC, or the one a Prefer: outlook.timezone="…" header names (Graph's
/// "Prefer" header for Outlook resources). An unknown zone is ignored, as Graph ignores it, and then not reported as applied.
/// </summary>
internal sealed partial record PreferredTimeZone(TimeZoneInfo Zone, string Name, bool Applied)
{
    public static readonly PreferredTimeZone Utc = new(TimeZoneInfo.Utc, EventTime.Utc, false);

    public static PreferredTimeZone Of(HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            if (value is not null && Preference().Match(value) is { Success: true } match
                && EventTime.FindZone(match.Groups["zone"].Value) is { } zone)
            {
                return new PreferredTimeZone(zone, match.Groups["zone"].Value, true);
            }
        }

        return Utc;
    }

    /// <summary>Says the preference was honoured (RFC 7240 §3).</summary>
    public void Report(HttpResponse response)
    {
        if (Applied)
        {
            response.Headers.Append("Preference-Applied", $"outlook.timezone=\"{Name}\"");
        }
    }

    [GeneratedRegex("""outlook\.timezone\s*=\s*"(?<zone>[^"]{1,64})"|outlook\.timezone\s*=\s*(?<zone>[^\s,;"]{1,64})""", RegexOptions.IgnoreCase)]
    private static partial Regex Preference();
}
