using System.Data.Common;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Gatehouse.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gatehouse.Tests.Hosting;

/// <summary>A store's Data Protection key ring and protected signing keys as rows, read and written with SQL as someone holding a copy could.</summary>
internal static class KeyRingRows
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public sealed record Row(int Id, string? FriendlyName, string Xml);

    /// <summary>The key ring's rows of the store (for SQLite, of the database in <paramref name="dataFolder"/>).</summary>
    public static async Task<IReadOnlyList<Row>> ReadAsync(TestStore store, string dataFolder)
    {
        await using var connection = await OpenAsync(store, dataFolder);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<Row>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(new Row(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    public static async Task WriteAsync(TestStore store, string dataFolder, Row row)
    {
        await using var connection = await OpenAsync(store, dataFolder);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE \"DataProtectionKeys\" SET \"Xml\" = @xml WHERE \"Id\" = @id";
        command.Parameters.Add(Parameter(command, "@xml", row.Xml));
        command.Parameters.Add(Parameter(command, "@id", row.Id));
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The token-signing private keys as stored, protected with Data Protection.</summary>
    public static async Task<IReadOnlyList<byte[]>> ProtectedSigningKeysAsync(TestStore store, string dataFolder)
    {
        await using var connection = await OpenAsync(store, dataFolder);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ProtectedPrivateKey\" FROM \"SigningKeys\"";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var keys = new List<byte[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.Add((byte[])reader.GetValue(0));
        }

        return keys;
    }

    /// <summary>
    /// Unprotects a stored signing key with nothing but the key ring's rows and, if given, a key-encryption key: the rows
    /// are handed to Data Protection as a key folder, as an attacker holding a copy of the store would.
    /// </summary>
    public static byte[] Unprotect(IReadOnlyList<Row> rows, byte[] protectedKey, X509Certificate2? keyEncryptionKey)
    {
        var folder = Directory.CreateTempSubdirectory("gatehouse-key-ring-");
        try
        {
            foreach (var row in rows)
            {
                File.WriteAllText(Path.Combine(folder.FullName, $"key-{row.Id}.xml"), row.Xml);
            }

            var provider = keyEncryptionKey is null
                ? DataProtectionProvider.Create(folder, builder => builder.SetApplicationName("Gatehouse").DisableAutomaticKeyGeneration())
                : DataProtectionProvider.Create(folder, builder => builder.SetApplicationName("Gatehouse").DisableAutomaticKeyGeneration(), keyEncryptionKey);
            return provider.CreateProtector("Gatehouse.Identity.SigningKeys").Unprotect(protectedKey);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Whether the row holds a master key in the clear (an element Data Protection marked requiresEncryption, left unencrypted).</summary>
    public static bool HoldsUnencryptedMasterKey(Row row) =>
        XElement.Parse(row.Xml).Descendants().Any(e => e.Name.LocalName == "masterKey" || e.Attribute(DataProtection + "requiresEncryption") is not null);

    /// <summary>The certificates the row's encrypted secrets name as their encryptor, and the decryptor types they name.</summary>
    public static (IReadOnlyList<string> Certificates, IReadOnlyList<string> Decryptors) Encryptors(Row row)
    {
        var xml = XElement.Parse(row.Xml);
        var secrets = xml.Descendants(DataProtection + "encryptedSecret").ToList();
        return ([.. secrets.SelectMany(s => s.Descendants().Where(e => e.Name.LocalName == "X509Certificate")).Select(e => e.Value)],
            [.. secrets.Select(s => (string?)s.Attribute("decryptorType") ?? "")]);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    private static async Task<DbConnection> OpenAsync(TestStore store, string dataFolder)
    {
        DbConnection connection = store.Kind == StoreKind.Postgres
            ? new NpgsqlConnection(store.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(dataFolder, "gatehouse.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
