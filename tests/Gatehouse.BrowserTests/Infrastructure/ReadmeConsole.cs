using System.Text.RegularExpressions;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>One command of a README console block, with the output lines README prints after it.</summary>
internal sealed record ConsoleStep(string Command, IReadOnlyList<string> PrintedOutput)
{
    /// <summary>
    /// What of <see cref="PrintedOutput"/> the real output must contain: each line up to its first "…" (README's
    /// "varies") and without its "←" note, whitespace collapsed, since README aligns columns with spaces where the
    /// CLI writes tabs.
    /// </summary>
    public IEnumerable<string> ExpectedFragments => PrintedOutput
        .Select(line => Collapse(line.Split('←')[0].Split('…')[0]))
        .Where(fragment => fragment.Length > 0);

    public static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}

/// <summary>The `console` blocks of one README section, read as a person runs them: `$ ` starts a command, the rest is its output.</summary>
internal static partial class ReadmeConsole
{
    public static IReadOnlyList<ConsoleStep> Steps(string readme, string heading)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"README has no '{heading}' heading.");
        var steps = new List<(string Command, List<string> Output)>();
        var inBlock = false;
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && line == "```console";
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            if (line.StartsWith("$ ", StringComparison.Ordinal))
            {
                steps.Add((line[2..], []));
            }
            else if (steps.Count > 0 && OpenQuote(steps[^1].Command))
            {
                steps[^1] = (steps[^1].Command + "\n" + line, steps[^1].Output);
            }
            else if (steps.Count > 0)
            {
                steps[^1].Output.Add(line);
            }
        }

        return [.. steps.Select(s => new ConsoleStep(s.Command, s.Output))];
    }

    /// <summary>Whether the command so far leaves a single-quoted string open, so the next line belongs to it.</summary>
    private static bool OpenQuote(string command) => command.Count(c => c == '\'') % 2 == 1;
}
