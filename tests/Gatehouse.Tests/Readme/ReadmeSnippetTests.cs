using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gatehouse.Tests.Readme;

/// <summary>
/// Every C# snippet README shows compiles against the client libraries the tests use (MSAL.NET, Azure.Identity, the
/// Graph SDK), with the names README leaves to the reader (the app's clientId, secret, tenantId; the data folder; the
/// code a redirect brought back) declared as they would be in the reader's program. A snippet that drifts from a
/// library's API, or uses a name README never defines, fails here.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    // "Use it from your tests" shows whole test files, each compiled and run as a test of its own.
    private const string SectionCheckedElsewhere = "## Use it from your tests";

    // The names README's snippets take from the reader, as a reader's program would declare them.
    private const string ReaderNames = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading.Tasks;
        global using System.Security.Cryptography;
        global using System.Security.Cryptography.X509Certificates;
        global using Azure.Core.Pipeline;
        global using Azure.Identity;
        global using Microsoft.Graph;
        global using Microsoft.Graph.Models;
        global using Microsoft.Identity.Client;
        global using Microsoft.Kiota.Authentication.Azure;
        global using static ReaderProgram;

        internal static class ReaderProgram
        {
            public static string dataFolder = "";
            public static string clientId = "";
            public static string tenantId = "";
            public static string secret = "";
            public static string code = "";
            public static string id = "";
            public static ClientSecretCredentialOptions options = new();
            public static HttpMessageHandler trustingHandler = null!;
            public static IMsalHttpClientFactory trustingFactory = null!;
        }
        """;

    public static TheoryData<int, string> Snippets()
    {
        var data = new TheoryData<int, string>();
        foreach (var (line, code) in CSharpBlocks(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"))))
        {
            data.Add(line, code);
        }

        return data;
    }

    [Fact]
    public void README_shows_csharp_snippets() => Assert.NotEmpty(Snippets());

    [Theory]
    [MemberData(nameof(Snippets))]
    public void The_snippet_compiles(int line, string snippet)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var tree = CSharpSyntaxTree.ParseText(snippet, new CSharpParseOptions(LanguageVersion.Latest), path: $"README.md:{line}", cancellationToken: cancellationToken);
        var hasStatements = tree.GetCompilationUnitRoot(cancellationToken).Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [tree, CSharpSyntaxTree.ParseText(ReaderNames, new CSharpParseOptions(LanguageVersion.Latest), cancellationToken: cancellationToken)],
            References.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, $"README's snippet at line {line} does not compile:\n{string.Join('\n', errors)}\n\n{snippet}");
    }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(IsManagedAssembly)
            .DistinctBy(Path.GetFileName)
            .Select(path => MetadataReference.CreateFromFile(path))]);

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static IEnumerable<(int Line, string Code)> CSharpBlocks(string readme)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        var checkedElsewhere = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                checkedElsewhere = lines[i] == SectionCheckedElsewhere;
            }

            if (lines[i] != "```csharp" || checkedElsewhere)
            {
                continue;
            }

            var body = lines.Skip(i + 1).TakeWhile(l => l != "```").ToList();
            yield return (i + 1, Ellipsis().Replace(string.Join('\n', body), "default!"));
        }
    }

    // README writes "…" for what a reader fills in (`Transport = …` in a comment, say); as code it is any value.
    [GeneratedRegex("…")]
    private static partial Regex Ellipsis();
}
