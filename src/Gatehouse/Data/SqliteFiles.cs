using Microsoft.Data.Sqlite;

namespace Gatehouse.Data;

/// <summary>
/// A SQLite store's files readable by their owner only. The database, its write-ahead log and shared-memory index
/// hold every hash and encrypted key; SQLite creates the log and index with the database file's mode, so once the
/// database is 0600 they follow whenever SQLite makes them again.
/// </summary>
internal static class SqliteFiles
{
    private static readonly string[] Suffixes = ["", "-wal", "-shm"];

    public static void RestrictToOwner(StoreSettings settings)
    {
        if (settings.Kind != StoreKind.Sqlite || settings.InMemory || OperatingSystem.IsWindows())
        {
            return;
        }

        var database = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        foreach (var path in Suffixes.Select(suffix => database + suffix).Where(File.Exists))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
