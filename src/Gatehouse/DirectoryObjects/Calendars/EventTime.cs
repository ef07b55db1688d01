using System.Globalization;

namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>Graph's dateTimeTimeZone: a wall-clock time and the zone it is in (a Windows or IANA name).</summary>
internal sealed record EventTime(DateTime DateTime, string TimeZone)
{
    public const string Utc = "UTC";

    /// <summary>The zone a name stands for: Windows names (as Outlook writes them), IANA names, or "UTC".</summary>
    public static TimeZoneInfo? FindZone(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > Event.MaximumTimeZoneLength)
        {
            return null;
        }

        if (string.Equals(name, Utc, StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(WindowsTimeZones.ToIana.GetValueOrDefault(name, name));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The instant this wall-clock time names, or null when the zone is unknown or the time falls in a DST gap.</summary>
    public DateTimeOffset? ToInstant()
    {
        if (FindZone(TimeZone) is not { } zone)
        {
            return null;
        }

        var local = DateTime.SpecifyKind(DateTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        return StoreClock.ToStoreResolution(new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    /// <summary>An instant as wall-clock time in <paramref name="zone"/>.</summary>
    public static DateTime InZone(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public override string ToString() => $"{DateTime.ToString("s", CultureInfo.InvariantCulture)} {TimeZone}";
}
