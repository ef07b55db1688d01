using System.Text.RegularExpressions;

namespace Gatehouse.Tests.Architecture;

/// <summary>
/// The app's source files, each with its folder as docs/architecture.md names it (a top-level folder of
/// src/Gatehouse, Identity's layers one level deeper, "root" for the files beside Program.cs) and the folders whose
/// namespaces it uses.
/// </summary>
internal static partial class SourceTree
{
    public const string Root = "root";

    private static readonly string AppFolder = Path.Combine(RepositoryPaths.Root, "src", "Gatehouse");

    // Initialized before AppFiles, which reads them.
    private static readonly HashSet<string> IdentityLayers = Directory.GetDirectories(Path.Combine(AppFolder, "Identity"))
        .Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<SourceFile> AppFiles { get; } = ReadAppFiles();

    /// <summary>The folder a namespace belongs to: Gatehouse.Identity.Clients.X → Identity/Clients, Gatehouse.Graph.Users → Graph.</summary>
    public static string FolderOf(string gatehouseNamespace)
    {
        var parts = gatehouseNamespace.Split('.');
        return parts.Length switch
        {
            1 => Root,
            > 2 when parts[1] == "Identity" && IdentityLayers.Contains(parts[2]) => "Identity/" + parts[2],
            _ => parts[1],
        };
    }

    private static List<SourceFile> ReadAppFiles()
    {
        var files = new List<SourceFile>();
        foreach (var path in Directory.EnumerateFiles(AppFolder, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(AppFolder, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
                || !(relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                continue;
            }

            var text = File.ReadAllText(path);
            var code = relative.EndsWith(".cs", StringComparison.Ordinal) ? CommentsAndStrings().Replace(text, " ") : RazorComments().Replace(text, " ");
            files.Add(new SourceFile(relative, FolderOfPath(relative), code, UsedFolders(code)));
        }

        return files;
    }

    private static string FolderOfPath(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length switch
        {
            1 => Root,
            > 2 when parts[0] == "Identity" => "Identity/" + parts[1],
            _ => parts[0],
        };
    }

    private static HashSet<string> UsedFolders(string code)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in NamespaceUse().Matches(code))
        {
            used.Add(FolderOf(match.Groups["ns"].Value));
        }

        used.Remove(Root);
        return used;
    }

    // Line comments and string literals (ordinary, verbatim, interpolated), so that a Data Protection purpose or a
    // mention in prose is not read as a use.
    [GeneratedRegex(@"//[^\n]*|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex CommentsAndStrings();

    // A Razor page's comments; its quoted attributes stay, for they hold code (maxlength="@Gatehouse.….Length").
    [GeneratedRegex("@\\*.*?\\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex RazorComments();

    // `using Gatehouse.X.Y;`, `@using Gatehouse.X`, `using static Gatehouse.X.T;` and qualified names `Gatehouse.X.Y.T`.
    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?<ns>Gatehouse(?:\.[A-Z]\w*)+)")]
    private static partial Regex NamespaceUse();
}

/// <summary>A file by its path under src/Gatehouse, its folder, its code without comments and strings, and the folders it uses.</summary>
internal sealed record SourceFile(string Path, string Folder, string Code, IReadOnlySet<string> UsedFolders);
