using System.Text.RegularExpressions;

namespace Gatehouse.Tests.Architecture;

/// <summary>
/// Every document a comment cites is in the repository: docs/… files with the section they name, and README's
/// sections by their heading.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string[] CodeFolders = ["src", "tests", "bench", "scripts"];

    [Fact]
    public void Every_cited_document_and_section_exists()
    {
        var missing = new List<string>();
        foreach (var (path, text) in CodeFiles())
        {
            foreach (Match citation in DocumentCitation().Matches(text))
            {
                var document = Path.Combine(RepositoryPaths.Root, citation.Groups["file"].Value);
                var section = citation.Groups["section"];
                if (!File.Exists(document))
                {
                    missing.Add($"{path}: {citation.Groups["file"].Value}");
                }
                else if (section.Success && !HasNumberedHeading(document, section.Value))
                {
                    missing.Add($"{path}: {citation.Groups["file"].Value} §{section.Value}");
                }
            }

            foreach (Match citation in ReadmeCitation().Matches(text))
            {
                if (!HasHeading(Path.Combine(RepositoryPaths.Root, "README.md"), citation.Groups["heading"].Value))
                {
                    missing.Add($"{path}: README.md, \"{citation.Groups["heading"].Value}\"");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void No_comment_cites_a_document_outside_the_repository()
    {
        var outside = CodeFiles()
            .Where(file => OutsideCitation().IsMatch(file.Text))
            .Select(file => $"{file.Path}: {OutsideCitation().Match(file.Text).Value}")
            .ToList();

        Assert.Empty(outside);
    }

    private static IEnumerable<(string Path, string Text)> CodeFiles()
    {
        var self = Path.Combine("tests", "Gatehouse.Tests", "Architecture", nameof(CitationTests) + ".cs");
        foreach (var folder in CodeFolders)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryPaths.Root, path);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules") || relative == self
                    || Path.GetExtension(path) is not ("" or ".cs" or ".cshtml" or ".js" or ".sh" or ".md"))
                {
                    continue;
                }

                yield return (relative, File.ReadAllText(path));
            }
        }
    }

    private static bool HasNumberedHeading(string document, string section) =>
        File.ReadLines(document).Any(line => NumberedHeading().Match(line) is { Success: true } heading && heading.Groups["number"].Value == section);

    private static bool HasHeading(string document, string heading) =>
        File.ReadLines(document).Any(line => line.StartsWith('#') && line.TrimStart('#').Trim() == heading);

    // docs/protocol/entra-protocol.md §3.4, the section possibly on the comment's next line.
    [GeneratedRegex(@"(?<file>docs/[\w/-]+\.md)(?:[\s/]*§\s?(?<section>\d+(?:\.\d+)*))?")]
    private static partial Regex DocumentCitation();

    // README.md, "Configuration" or README.md's "Configuration"
    [GeneratedRegex(@"README\.md(?:, |'s )""(?<heading>[^""]+)""")]
    private static partial Regex ReadmeCitation();

    // "## 3. The token endpoint", "### 3.4 Scopes: …"
    [GeneratedRegex(@"^#+ (?<number>\d+(?:\.\d+)*)\.? ")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"(?<![\w/])reference/[\w-]+\.md|\bCONTRACT\.md|\bARCHITECTURE\.md|\.\./shared/")]
    private static partial Regex OutsideCitation();
}
