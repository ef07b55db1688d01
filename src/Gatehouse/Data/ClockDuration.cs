using System.Globalization;

namespace Gatehouse.Data;

/// <summary>How far `gatehouse clock advance` and POST /admin/clock move the clock: 91d, 12h, 30m, 45s (negative moves back), or a TimeSpan such as 1.12:00:00.</summary>
internal static class ClockDuration
{
    public const string Expected = "a duration such as 91d, 12h, 30m, 45s (negative to move back) or 1.12:00:00";

    public static TimeSpan? Parse(string? text)
    {
        text = text?.Trim() ?? "";
        if (text.Length > 1 && long.TryParse(text[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            && Math.Abs(count) <= 36525L * 24 * 60 * 60)
        {
            TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
            {
                'd' => TimeSpan.FromDays(1),
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                's' => TimeSpan.FromSeconds(1),
                _ => null,
            };
            return unit is { } each && Math.Abs(count) * each.TotalSeconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? each * count : null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    /// <summary>An ISO 8601 date or date and time; without an offset it is UTC.</summary>
    public static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
