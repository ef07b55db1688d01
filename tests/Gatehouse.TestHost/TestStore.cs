using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Data;
using Gatehouse.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gatehouse.TestHost;

/// <summary>
/// A fresh, empty store for one test: a SQLite file in a new data folder, or a new database on the PostgreSQL server
/// that scripts/test starts (GATEHOUSE_TEST_POSTGRES). A missing PostgreSQL fails the test; it is never skipped.
/// Every server and CLI run over the store reads its <see cref="Clock"/>. Nodes of one PostgreSQL store are given one
/// key-encryption key as an operator gives it (--key-encryption-key), so a node may have a data folder of its own.
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "GATEHOUSE_TEST_POSTGRES";

    private TestStore(StoreKind kind, string? connectionString)
    {
        Kind = kind;
        var id = Guid.NewGuid().ToString("N");
        DataFolder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", id);
        ConnectionString = connectionString;
        if (kind == StoreKind.Postgres)
        {
            KeyEncryptionKeyFile = Path.Combine(Path.GetTempPath(), "gatehouse-tests", id + ".kek.pem");
            WriteKeyEncryptionKey(KeyEncryptionKeyFile);
        }
    }

    internal StoreKind Kind { get; }

    public string DataFolder { get; }

    public string? ConnectionString { get; }

    /// <summary>The PostgreSQL store's key-encryption key, a PEM file outside every data folder; null for SQLite (the data folder's keys/kek).</summary>
    public string? KeyEncryptionKeyFile { get; }

    /// <summary>The time of every server and CLI run over this store: nodes and verbs sharing a store agree on it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The flags that point the CLI or server at this store.</summary>
    public IReadOnlyList<string> Arguments => Kind == StoreKind.Postgres
        ? ["--data", DataFolder, "--store", "postgres", "--connection-string", ConnectionString!, "--key-encryption-key", KeyEncryptionKeyFile!]
        : ["--data", DataFolder];

    internal StoreSettings Settings => Kind == StoreKind.Postgres
        ? new StoreSettings(StoreKind.Postgres, ConnectionString!, InMemory: false)
        : new StoreSettings(StoreKind.Sqlite, $"Data Source={Path.Combine(DataFolder, "gatehouse.db")}", InMemory: false);

    /// <summary>The options a node of this store reads from <see cref="Arguments"/>, for a test that opens the store as another node would.</summary>
    internal GatehouseOptions Options => Kind == StoreKind.Postgres
        ? new GatehouseOptions { Data = DataFolder, Store = StoreKind.Postgres, ConnectionString = ConnectionString, KeyEncryptionKey = KeyEncryptionKeyFile }
        : new GatehouseOptions { Data = DataFolder };

    /// <summary>The key-encryption key a node of this store reads, after a first start made it for SQLite.</summary>
    internal KeyEncryptionKey ReadKeyEncryptionKey()
    {
        var read = KeyEncryptionKey.Read(Options);
        return read.Succeeded ? read.Value : throw new InvalidOperationException(read.Error);
    }

    public static TestStore Sqlite() => new(StoreKind.Sqlite, null);

    public static TestStore Postgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test, which starts PostgreSQL.");
        }

        return Postgres(server);
    }

    /// <summary>A new database on the PostgreSQL server at <paramref name="server"/> (a connection string to any of its databases).</summary>
    public static TestStore Postgres(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "gh_" + Guid.NewGuid().ToString("N") };
        return new TestStore(StoreKind.Postgres, builder.ConnectionString);
    }

    public static TestStore Create(string kind) => kind == "postgres" ? Postgres() : Sqlite();

    /// <summary>
    /// A fresh store of <paramref name="kind"/> whose schema is already up to date, copied from one migrated once per
    /// run (<see cref="MigratedTemplates"/>): for tests of what the server does over a store, not of migrating one.
    /// The server's first start (default tenant, keys) still runs on it.
    /// </summary>
    public static TestStore Migrated(string kind)
    {
        var store = Create(kind);
        if (store.Kind == StoreKind.Postgres)
        {
            MigratedTemplates.CreatePostgres(store.ConnectionString!);
        }
        else
        {
            MigratedTemplates.CopySqlite(store.DataFolder);
        }

        return store;
    }

    /// <summary>Writes a file for the test to hand to the CLI (a certificate, a tenant document); it goes with the store.</summary>
    public string WriteFile(string name, ReadOnlySpan<byte> content)
    {
        var folder = Path.Combine(DataFolder, "files");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteFile(string name, string content) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>A self-signed RSA certificate with its private key in one owner-only PEM file, as `openssl req -x509` makes one.</summary>
    public static void WriteKeyEncryptionKey(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Gatehouse test key-encryption key", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Closes this store's pooled connections (not other tests' stores') and deletes its data folder.</summary>
    public void Dispose()
    {
        if (Kind == StoreKind.Postgres)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new SqliteConnection(Settings.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }

        if (KeyEncryptionKeyFile is not null)
        {
            File.Delete(KeyEncryptionKeyFile);
        }
    }
}
