namespace Gatehouse.Portal.Applications;

/// <summary>The left navigation of an app registration, grouped as the portal groups it.</summary>
internal static class BladeNavigation
{
    public static IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections { get; } =
    [
        (null, [("Overview", ""), ("Quickstart", "/quickstart")]),
        ("Manage",
        [
            ("Branding", "/branding"), ("Authentication", "/authentication"), ("Certificates & secrets", "/credentials"),
            ("API permissions", "/permissions"), ("Expose an API", "/expose"), ("App roles", "/roles"), ("Owners", "/owners"),
            ("Roles and administrators", "/administrators"), ("Manifest", "/manifest"),
        ]),
        ("Support + Troubleshooting", [("Troubleshooting", "/troubleshooting"), ("New support request", "/support")]),
    ];
}
