using System.Runtime.Versioning;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Data;

/// <summary>A SQLite store's files are its owner's alone, even in a data folder that others may read.</summary>
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
}
