using System.Text.RegularExpressions;

namespace Gatehouse.Tests.Architecture;

/// <summary>
/// The folders of src/Gatehouse use one another only as docs/architecture.md's "The arrows" allows, and the page
/// allows nothing the code does not do.
/// </summary>
public sealed partial class ArchitectureTests
{
    // docs/architecture.md, "Reads go straight to GatehouseDb; writes go through their owner".
    private static readonly string[] FoldersThatSave =
        ["Data", "DirectoryObjects", "Identity/Clients", "Identity/Keys", "Identity/Issuance", "Dataverse", "Connectors"];

    [Fact]
    public void Every_folder_uses_only_the_folders_its_row_allows()
    {
        var forbidden = SourceTree.AppFiles
            .SelectMany(file => file.UsedFolders
                .Where(used => used != file.Folder && !Allows(file.Folder, used))
                .Select(used => $"{file.Path} ({file.Folder}) uses {used}"))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Every_folder_has_a_row_and_every_row_a_folder()
    {
        var folders = SourceTree.AppFiles.Select(file => file.Folder).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(folders.Except(ArchitectureDocument.Arrows.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(ArchitectureDocument.Arrows.Keys.Except(folders).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_allowed_arrow_is_one_the_code_has()
    {
        var used = SourceTree.AppFiles
            .SelectMany(file => file.UsedFolders.Select(target => (file.Folder, Target: target)))
            .ToHashSet();
        var unused = ArchitectureDocument.Arrows
            .SelectMany(row => row.Value.Select(target => (Folder: row.Key, Target: target)))
            .Where(arrow => !used.Contains(arrow))
            .Select(arrow => $"{arrow.Folder} → {arrow.Target}")
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void Only_the_folders_that_own_tables_save_changes()
    {
        var saving = SourceTree.AppFiles
            .Where(file => !FoldersThatSave.Contains(file.Folder) && SaveChanges().IsMatch(file.Code))
            .Select(file => $"{file.Path} ({file.Folder})")
            .ToList();

        Assert.Empty(saving);
    }

    [Fact]
    public void The_migration_libraries_reference_no_project()
    {
        foreach (var store in new[] { "Sqlite", "Postgres" })
        {
            var project = File.ReadAllText(Path.Combine(
                RepositoryPaths.Root, "src", $"Gatehouse.Migrations.{store}", $"Gatehouse.Migrations.{store}.csproj"));

            Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
        }
    }

    private static bool Allows(string folder, string used) =>
        ArchitectureDocument.Arrows.TryGetValue(folder, out var allowed) && allowed.Contains(used);

    [GeneratedRegex(@"\bSaveChanges(Async)?\s*\(")]
    private static partial Regex SaveChanges();
}
