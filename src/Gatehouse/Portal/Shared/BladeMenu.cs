namespace Gatehouse.Portal;

/// <summary>A blade's left navigation: groups of links under a search box, the current blade marked.</summary>
/// <param name="Label">The navigation's accessible name.</param>
/// <param name="Sections">Each group's heading (none for the first) and its blades with their paths under <paramref name="BasePath"/>.</param>
internal sealed record BladeMenu(
    string Label, IReadOnlyList<(string? Group, IReadOnlyList<(string Blade, string Path)> Items)> Sections, string BasePath, string Current);
