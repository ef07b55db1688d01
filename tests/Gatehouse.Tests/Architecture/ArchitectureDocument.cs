using System.Text.RegularExpressions;

namespace Gatehouse.Tests.Architecture;

/// <summary>docs/architecture.md as the tests read it: the table under "The arrows", each folder with the folders it may use.</summary>
internal static partial class ArchitectureDocument
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "docs", "architecture.md");

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Arrows { get; } = ReadArrows();

    private static Dictionary<string, IReadOnlySet<string>> ReadArrows()
    {
        var lines = File.ReadAllLines(Path);
        var start = Array.IndexOf(lines, "## The arrows");
        if (start < 0)
        {
            throw new InvalidOperationException("docs/architecture.md has no \"## The arrows\" section.");
        }

        var arrows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (Row().Match(line) is not { Success: true } row)
            {
                continue;
            }

            var folder = row.Groups["folder"].Value.Trim('`');
            var allowed = Name().Matches(row.Groups["allowed"].Value).Select(name => name.Groups[1].Value);
            arrows.Add(folder, allowed.ToHashSet(StringComparer.Ordinal));
        }

        return arrows;
    }

    // | `Graph` | `ResourceServer`, `OData` | and | root | `Cli` |; the header and its rule do not match.
    [GeneratedRegex(@"^\| (?<folder>`[\w/]+`|root) \| (?<allowed>.*) \|$")]
    private static partial Regex Row();

    [GeneratedRegex(@"`([\w/]+)`")]
    private static partial Regex Name();
}
