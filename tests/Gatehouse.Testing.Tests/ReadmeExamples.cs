namespace Gatehouse.Testing.Tests;

/// <summary>The fenced examples of README's "Use it from your tests", which the tests run or compare with their own source.</summary>
internal static class ReadmeExamples
{
    private const string Heading = "## Use it from your tests";

    /// <summary>The tool's walk-through: install, serve, register an app, get a token.</summary>
    public static string ToolScript => Block("sh");

    /// <summary>The fixture example: the whole of OrdersApiTests.cs.</summary>
    public static string FixtureExample => Block("csharp");

    /// <summary>The CI workflow.</summary>
    public static string Workflow => Block("yaml");

    /// <summary>The workflow's `dotnet tool install ...` line, as arguments (`dotnet` first).</summary>
    public static IReadOnlyList<string> WorkflowToolInstall() =>
        Workflow.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("- run: dotnet tool install", StringComparison.Ordinal))
            ["- run: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Block(string language)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryBuild.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n" + Heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no \"{Heading}\" section");
        var end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        var fence = $"\n```{language}\n";
        var open = section.IndexOf(fence, StringComparison.Ordinal);
        Assert.True(open >= 0, $"README's \"{Heading}\" has no ```{language} block");
        var body = open + fence.Length;
        return section[body..(section.IndexOf("\n```\n", body - 1, StringComparison.Ordinal) + 1)];
    }
}
