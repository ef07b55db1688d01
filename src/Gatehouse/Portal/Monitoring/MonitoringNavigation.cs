namespace Gatehouse.Portal.Monitoring;

/// <summary>The left navigation of Monitoring &amp; health, as Entra's admin center groups it.</summary>
internal static class MonitoringNavigation
{
    public static IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        ("Monitoring", [("Sign-in logs", "/signins"), ("Audit logs", "/audits")]),
    ];

    public static string PathOf(string blade) => Sections.SelectMany(s => s.Items).First(i => i.Blade == blade).Path;
}
