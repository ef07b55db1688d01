using Gatehouse.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gatehouse.TestHost;

/// <summary>
/// One store per kind migrated once per test run, then copied for each <see cref="TestStore"/> that asks for a migrated
/// store: a SQLite file copied into the new data folder, or a PostgreSQL database created from the template database.
/// Copying costs a fraction of replaying every migration, which each fresh store would otherwise do at its first start.
/// </summary>
internal static class MigratedTemplates
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", "template-" + Guid.NewGuid().ToString("N"));

    private static readonly Lazy<string> SqliteFile = new(() =>
    {
        var path = Path.Combine(Folder, "gatehouse.db");
        Migrate(new StoreSettings(StoreKind.Sqlite, $"Data Source={path}", InMemory: false));
        SqliteConnection.ClearAllPools();
        return path;
    });

    private static readonly Dictionary<string, Lazy<string>> PostgresTemplates = [];

    /// <summary>Puts a migrated, empty SQLite store into <paramref name="dataFolder"/>, which is made owner-only as the server makes it.</summary>
    public static void CopySqlite(string dataFolder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataFolder);
        }
        else
        {
            Directory.CreateDirectory(dataFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.Copy(SqliteFile.Value, Path.Combine(dataFolder, "gatehouse.db"));
    }

    /// <summary>Creates <paramref name="connectionString"/>'s database on its server as a copy of a migrated, empty one.</summary>
    public static void CreatePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        var server = builder.ConnectionString;
        Lazy<string> template;
        lock (PostgresTemplates)
        {
            if (!PostgresTemplates.TryGetValue(server, out template!))
            {
                template = new Lazy<string>(() => CreatePostgresTemplate(server));
                PostgresTemplates[server] = template;
            }
        }

        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database}\" TEMPLATE \"{template.Value}\"";
        command.ExecuteNonQuery();
    }

    private static string CreatePostgresTemplate(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "gh_template_" + Guid.NewGuid().ToString("N") };
        Migrate(new StoreSettings(StoreKind.Postgres, builder.ConnectionString, InMemory: false));
        // CREATE DATABASE ... TEMPLATE refuses while any session is connected to the template.
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return builder.Database;
    }

    private static void Migrate(StoreSettings settings)
    {
        Directory.CreateDirectory(Folder);
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddGatehouseStore(settings)
            .BuildServiceProvider();
        var problem = Task.Run(() => services.MigrateStoreAsync(CancellationToken.None)).GetAwaiter().GetResult();
        if (problem is not null)
        {
            throw new InvalidOperationException($"The template store could not be migrated: {problem}");
        }
    }
}
