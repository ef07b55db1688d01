using System.Runtime.Versioning;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Data;

/// <summary>
/// A SQLite store's files are its owner's alone, even in a data folder that others may read; and a server warns at
/// start of anything in its data folder that others may enter or read, but its public certificates.
/// </summary>
public sealed class StoreFileModeTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_database_its_log_and_its_index_are_owner_only_in_a_folder_others_can_read()
    {
        using var store = TestStore.Sqlite();
        Directory.CreateDirectory(store.DataFolder, (UnixFileMode)0b111_101_101);

        await using (await InProcessGatehouse.StartAsync(store))
        {
            await GatehouseCli.JsonAsync(store, "app", "create", "--name", "mode-check");
            var files = Directory.GetFiles(store.DataFolder, "gatehouse.db*");

            Assert.Contains(files, file => file.EndsWith("gatehouse.db-wal", StringComparison.Ordinal));
            Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_server_warns_at_start_of_a_data_folder_and_files_others_can_read_but_not_of_its_public_certificates()
    {
        using var store = TestStore.Sqlite();
        var folder = Path.GetFullPath(store.DataFolder);
        await (await InProcessGatehouse.StartAsync(store)).DisposeAsync();
        var keyFile = Path.Combine(folder, "tls.key.protected");
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(keyFile, (UnixFileMode)0b110_100_100);
        var kekFolder = Path.Combine(folder, "keys");
        var kek = Path.Combine(kekFolder, "kek");
        File.SetUnixFileMode(kekFolder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(kek, (UnixFileMode)0b110_100_100);

        await using var warned = await InProcessGatehouse.StartAsync(store);
        var output = warned.Output;

        Assert.Contains($"The data folder {folder} is open to other users (mode 0755); run chmod 700 {folder}.", output, StringComparison.Ordinal);
        Assert.Contains($"{keyFile} is readable by other users (mode 0644); run chmod 600 {keyFile}.", output, StringComparison.Ordinal);
        Assert.Contains($"The key-encryption key's folder {kekFolder} is open to other users (mode 0755); run chmod 700 {kekFolder}.", output, StringComparison.Ordinal);
        Assert.Contains($"{kek} is readable by other users (mode 0644); run chmod 600 {kek}.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tls.pem is readable", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ca.pem is readable", output, StringComparison.Ordinal);
        Assert.DoesNotContain("gatehouse.db is readable", output, StringComparison.Ordinal);
    }
}
