using System.Globalization;
using System.Text.RegularExpressions;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// The `where` of a normalised events call, in Cloud Elements' query language restricted to a time window:
/// <c>startDate &gt;= '2026-01-05T00:00:00Z' and endDate &lt;= '2026-01-12T00:00:00Z'</c>.
/// </summary>
internal sealed partial record TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The window, or the reason the expression is not one.</summary>
    public static Outcome<TimeWindow, string> Parse(string where)
    {
        DateTimeOffset? start = null, end = null;
        foreach (var clause in And().Split(where.Trim()))
        {
            var match = Comparison().Match(clause.Trim());
            if (!match.Success || !DateTimeOffset.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return $"'{clause.Trim()}' is not a comparison of startDate or endDate with a quoted ISO 8601 date.";
            }

            var field = match.Groups["field"].Value.ToLowerInvariant();
            var isStart = field is "start" or "startdate" or "startdatetime";
            var isEnd = field is "end" or "enddate" or "enddatetime";
            var lower = match.Groups["op"].Value.StartsWith('>');
            if (isStart && lower)
            {
                start = at;
            }
            else if (isEnd && !lower)
            {
                end = at;
            }
            else
            {
                return $"'{clause.Trim()}' is not supported: give startDate >= '…' and endDate <= '…'.";
            }
        }

        return start is { } s && end is { } e
            ? e > s ? new TimeWindow(s, e) : "The window's endDate must be after its startDate."
            : "where needs both startDate >= '…' and endDate <= '…'.";
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^(?<field>\w+)\s*(?<op>>=|<=|>|<)\s*'(?<value>[^']*)'$")]
    private static partial Regex Comparison();
}
