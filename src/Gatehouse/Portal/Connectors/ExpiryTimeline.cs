using System.Globalization;

namespace Gatehouse.Portal.Connectors;

/// <summary>
/// The API secrets' expiry as a chart drawn on the server: a date axis from today to 90 days on, in three bands
/// (the next 7 days red, to 30 days amber, to 90 days green), and one lane per instance whose bar ends at its
/// secret's end. The axis is piecewise, a quarter of its width for the first week, so that what is urgent is readable.
/// </summary>
internal sealed class ExpiryTimeline
{
    public const double Width = 960;
    public const double Left = 16;
    public const double Right = 944;
    public const double AxisY = 36;
    public const double LaneHeight = 40;

    /// <summary>Days from now at which the bands end, and the share of the axis each band's end is at.</summary>
    private static readonly (double Days, double Share, string Band)[] Stops = [(7, 0.25, "red"), (30, 0.6, "amber"), (90, 1, "green")];

    private ExpiryTimeline(DateTimeOffset now, IReadOnlyList<ExpiryMark> marks, IReadOnlyList<ConnectorInstanceRow> unknown)
    {
        Now = now;
        Marks = marks;
        Unknown = unknown;
    }

    public DateTimeOffset Now { get; }

    public IReadOnlyList<ExpiryMark> Marks { get; }

    /// <summary>Instances whose secret's end nobody could tell: listed under the chart, not on it.</summary>
    public IReadOnlyList<ConnectorInstanceRow> Unknown { get; }

    /// <summary>The axis, a lane per instance, and a row for the bands' names at the bottom.</summary>
    public double Height => AxisY + 16 + Math.Max(1, Marks.Count) * LaneHeight + 16;

    public int Expired => Marks.Count(m => m.Remaining <= TimeSpan.Zero);

    /// <summary>Secrets not yet expired that end within <paramref name="days"/> days.</summary>
    public int Within(int days) => Marks.Count(m => m.Remaining > TimeSpan.Zero && m.Remaining <= TimeSpan.FromDays(days));

    public static IEnumerable<(double From, double To, string Band, string Label)> Bands =>
        Stops.Select((stop, i) => (X(i == 0 ? 0 : Stops[i - 1].Days), X(stop.Days), stop.Band, $"{(i == 0 ? "next" : "to")} {stop.Days:0} days"));

    public IEnumerable<(double X, string Label)> Ticks =>
        new[] { 0.0, 7, 30, 60, 90 }.Select(days => (X(days), days == 0 ? "Today" : Now.AddDays(days).ToString("MMM d", CultureInfo.InvariantCulture)));

    /// <summary>The description a screen reader reads for the whole chart.</summary>
    public string Summary =>
        Marks.Count == 0 ? "No instance has an API secret with a known end date."
        : $"{Expired} expired, {Within(7)} expiring in the next 7 days, {Within(30)} in the next 30 days, {Within(90)} in the next 90 days, of {Marks.Count} instances with a known end date.";

    public static ExpiryTimeline Of(IEnumerable<ConnectorInstanceRow> rows, DateTimeOffset now)
    {
        var known = rows.Where(r => r.SecretExpires is not null).OrderBy(r => r.SecretExpires).ToList();
        var marks = known.Select((row, lane) =>
        {
            var remaining = row.SecretExpires!.Value - now;
            return new ExpiryMark(row, remaining, BandOf(remaining), X(remaining.TotalDays), AxisY + 16 + lane * LaneHeight);
        }).ToList();
        return new ExpiryTimeline(now, marks, [.. rows.Where(r => r.SecretExpires is null)]);
    }

    /// <summary>red when expired or within 7 days, amber within 30, green beyond.</summary>
    public static string BandOf(TimeSpan remaining) =>
        remaining <= TimeSpan.FromDays(7) ? "red" : remaining <= TimeSpan.FromDays(30) ? "amber" : "green";

    /// <summary>Where a point <paramref name="days"/> from now is on the axis; before today at its start, beyond 90 days at its end.</summary>
    public static double X(double days)
    {
        var clamped = Math.Clamp(days, 0, Stops[^1].Days);
        var (fromDays, fromShare) = (0.0, 0.0);
        foreach (var (toDays, toShare, _) in Stops)
        {
            if (clamped <= toDays)
            {
                return Left + (Right - Left) * (fromShare + (toShare - fromShare) * (clamped - fromDays) / (toDays - fromDays));
            }

            (fromDays, fromShare) = (toDays, toShare);
        }

        return Right;
    }
}

/// <summary>One instance on the chart: its lane's top (<see cref="Y"/>) and where its bar ends (<see cref="X"/>).</summary>
internal sealed record ExpiryMark(ConnectorInstanceRow Row, TimeSpan Remaining, string Band, double X, double Y)
{
    public string Ends => Row.SecretExpires!.Value.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public string Description => Remaining <= TimeSpan.Zero
        ? $"{Row.Name}: API secret expired {Ends}"
        : $"{Row.Name}: API secret expires {Ends}, in {Math.Ceiling(Remaining.TotalDays):0} days";

    /// <summary>Beyond the chart's 90 days, the bar runs to its end and says so.</summary>
    public bool Later => Remaining > TimeSpan.FromDays(90);
}
