using System.Text;
using Gatehouse.Data;
using Npgsql;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>Looks through everything a store has written, as someone holding a copy of it could.</summary>
internal static class StoreContents
{
    /// <summary>
    /// Whether <paramref name="text"/> appears anywhere in the store: in any file of the SQLite data folder (the
    /// database, its journal and WAL) read as bytes, or in any row of any PostgreSQL table read as text.
    /// </summary>
    public static async Task<bool> ContainAsync(TestStore store, string text) =>
        store.Kind == StoreKind.Postgres ? await PostgresRowsContainAsync(store, text) : SqliteFilesContain(store, text);

    private static bool SqliteFilesContain(TestStore store, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        for (var attempt = 1; ; attempt++)
        {
            var files = Directory.EnumerateFiles(store.DataFolder, "*", SearchOption.AllDirectories).ToList();
            Assert.Contains(files, f => Path.GetFileName(f) == "gatehouse.db");
            try
            {
                return files.Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
            }
            catch (FileNotFoundException) when (attempt < 5)
            {
                // The last connection closed (another test cleared the pools): SQLite checkpointed the WAL into the
                // database and removed it. Read the folder again as it is now.
            }
        }
    }

    private static async Task<bool> PostgresRowsContainAsync(TestStore store, string text)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Applications", tables);
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(0).Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
