using System.Data.Common;
using Gatehouse.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gatehouse.Tests.Data;

/// <summary>
/// The stores in LegacyStores/, made by the migration sets before they were squashed into one Initial per store,
/// restored into a fresh <see cref="TestStore"/> as their dumps hold them. What the tests look for in them:
/// </summary>
/// <param name="AppId">The Legacy app, with Microsoft Graph's User.Read.All granted.</param>
/// <param name="Secret">Its never-expiring client secret (the store holds only its hash).</param>
/// <param name="SigningKeyId">The token-signing key made at the store's first start.</param>
internal sealed record LegacyStore(string AppId, string Secret, string SigningKeyId)
{
    public const string AppName = "Legacy";
    public const string UserPrincipalName = "legacy.user@contoso.onmicrosoft.com";

    private static readonly LegacyStore Sqlite = new(
        "c9b7b16a-2ab8-4ba2-bcd4-afe5c5e4d09a", "xMb8Q~LBpUgO~SSfZfnVakwyzG~v28PuDLkoUK95", "3dtY78yYm6VtPcKNdLYULf3izDM");

    private static readonly LegacyStore Postgres = new(
        "be27ded1-e5b1-44f7-9f31-6489e1d900a3", "WmA8Q~bO3kKy8WgPXCWkXyTr3LjRQZ_U6-JAcXFB", "EEo0oDb0bT8yAQYd43ymCkAKM0M");

    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Gatehouse.Tests", "Data", "LegacyStores");

    /// <summary>The SQLite data folder's HTTPS certificate, RSA as every certificate was before they became ECDSA.</summary>
    public static string SqliteCertificatePath => Path.Combine(Folder, "sqlite-tls.pem");

    /// <summary>Restores the legacy store of <paramref name="store"/>'s kind into it and says what it holds.</summary>
    public static async Task<LegacyStore> RestoreAsync(TestStore store)
    {
        Directory.CreateDirectory(store.DataFolder);
        if (store.Kind == StoreKind.Postgres)
        {
            await RestorePostgresAsync(store.ConnectionString!);
            return Postgres;
        }

        await RestoreSqliteAsync(store.DataFolder);
        return Sqlite;
    }

    private static async Task RestoreSqliteAsync(string dataFolder)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "gatehouse.db"), Pooling = false };
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "sqlite.sql");
        }

        File.Copy(SqliteCertificatePath, Path.Combine(dataFolder, "tls.pem"));
        var protectedKey = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(Folder, "sqlite-tls.key.protected.base64"), cancellationToken));
        await File.WriteAllBytesAsync(Path.Combine(dataFolder, "tls.key.protected"), protectedKey, cancellationToken);
    }

    private static async Task RestorePostgresAsync(string connectionString)
    {
        // The dump empties the session's search_path: its connection is not handed back to a pool.
        var database = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Database}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await ExecuteAsync(connection, "postgres.sql");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string dump)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = await File.ReadAllTextAsync(Path.Combine(Folder, dump), TestContext.Current.CancellationToken);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
