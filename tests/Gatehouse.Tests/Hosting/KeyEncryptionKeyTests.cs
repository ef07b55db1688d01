using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Xml.Linq;
using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.Hosting;

/// <summary>
/// The store's Data Protection key ring is encrypted with a key-encryption key kept outside the store: a copy of the
/// store without it cannot start a server, sign or decrypt; with it (given as an operator gives it), it can.
/// </summary>
public sealed class KeyEncryptionKeyTests
{
    // Nodes behind one name issue tokens every node accepts; the nodes of these tests listen on different ports.
    private const string PublicUrl = "https://gatehouse.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    [UnsupportedOSPlatform("windows")]
    public async Task The_key_ring_is_stored_only_encrypted_with_a_key_encryption_key_kept_outside_the_store(string storeName)
    {
        using var store = TestStore.Create(storeName);
        await using var server = await InProcessGatehouse.StartAsync(store);

        var rows = await KeyRingRows.ReadAsync(store, store.DataFolder);

        using var kek = KeyEncryptionKeyOf(store);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.False(KeyRingRows.HoldsUnencryptedMasterKey(row), row.Xml);
            var (certificates, decryptors) = KeyRingRows.Encryptors(row);
            Assert.Equal([Convert.ToBase64String(kek.RawData)], certificates);
            Assert.All(decryptors, d => Assert.StartsWith(typeof(EncryptedXmlDecryptor).FullName + ",", d, StringComparison.Ordinal));
        }

        if (store.Kind == StoreKind.Sqlite)
        {
            var folder = Path.Combine(store.DataFolder, "keys");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "kek")));
            Assert.DoesNotContain("readable by other users", server.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(Directory.Exists(Path.Combine(store.DataFolder, "keys")), "a node given its key-encryption key made one of its own");
        }
    }

    [Theory]
    [BothStores]
    public async Task A_copy_of_the_store_without_its_key_encryption_key_refuses_to_start_changes_nothing_and_cannot_unprotect_a_signing_key(string storeName)
    {
        using var store = TestStore.Create(storeName);
        await (await InProcessGatehouse.StartAsync(store)).DisposeAsync();
        var copy = await CopyAsync(store);
        try
        {
            var before = await KeyRingRows.ReadAsync(store, copy);
            var wrongKek = Path.Combine(copy + "-other.kek.pem");
            TestStore.WriteKeyEncryptionKey(wrongKek);
            var withoutKek = WithoutKeyEncryptionKey(store, copy);

            var (noKekExit, noKekOutput) = await GatehouseProcess.RunAsync(null, ["serve", "--urls", $"https://127.0.0.1:{LoopbackPort.Free()}", .. withoutKek]);
            var (wrongKekExit, wrongKekOutput) = await GatehouseProcess.RunAsync(
                new Dictionary<string, string> { ["GATEHOUSE_KEY_ENCRYPTION_KEY"] = wrongKek }, ["serve", "--urls", $"https://127.0.0.1:{LoopbackPort.Free()}", .. withoutKek]);
            File.Delete(wrongKek);

            Assert.NotEqual(0, noKekExit);
            OutputRules.AssertOneLineReason(noKekOutput);
            Assert.Contains("no key-encryption key", noKekOutput, StringComparison.Ordinal);
            Assert.NotEqual(0, wrongKekExit);
            OutputRules.AssertOneLineReason(wrongKekOutput);
            Assert.Contains("encrypted with another key-encryption key", wrongKekOutput, StringComparison.Ordinal);
            Assert.Equal(before, await KeyRingRows.ReadAsync(store, copy));
            Assert.False(File.Exists(Path.Combine(copy, "keys", "kek")), "the copy made a key-encryption key of its own");

            var signingKey = (await KeyRingRows.ProtectedSigningKeysAsync(store, copy))[0];
            Assert.ThrowsAny<CryptographicException>(() => KeyRingRows.Unprotect(before, signingKey, keyEncryptionKey: null));
            using var kek = KeyEncryptionKeyOf(store);
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(KeyRingRows.Unprotect(before, signingKey, kek), out _);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Theory]
    [BothStores]
    public async Task A_node_given_the_stores_key_encryption_key_starts_and_the_first_node_accepts_its_tokens(string storeName)
    {
        using var store = TestStore.Create(storeName);
        await using var first = await InProcessGatehouse.StartAsync(store, null, "--public-url", PublicUrl);
        var (appId, secret) = await CreateClientAsync(store);
        var copy = await CopyAsync(store);
        try
        {
            // The variable holds the certificate and key as PEM text; a CLI verb is given the file.
            var kekFile = store.KeyEncryptionKeyFile ?? Path.Combine(store.DataFolder, "keys", "kek");
            var variables = new Dictionary<string, string> { ["GATEHOUSE_KEY_ENCRYPTION_KEY"] = await File.ReadAllTextAsync(kekFile, Ct) };
            var storeArguments = WithoutKeyEncryptionKey(store, copy);
            var port = LoopbackPort.Free();
            await using var second = await GatehouseProcess.StartAsync(
                port, copy, variables, ["serve", "--urls", $"https://127.0.0.1:{port}", "--public-url", PublicUrl, .. storeArguments], Ct);
            var (listed, listing) = await GatehouseProcess.RunAsync(null, ["app", "list", "--key-encryption-key", kekFile, .. storeArguments]);

            using var firstClient = first.CreateClient();
            using var secondClient = second.CreateClient();
            var ownToken = await TokenAsync(firstClient, appId, secret);
            var secondsToken = await TokenAsync(secondClient, appId, secret);

            Assert.True(listed == 0, listing);
            Assert.Contains(appId, listing, StringComparison.Ordinal);
            var answer = await GraphStatusAsync(firstClient, secondsToken);
            Assert.NotEqual(HttpStatusCode.Unauthorized, answer);
            Assert.Equal(await GraphStatusAsync(firstClient, ownToken), answer);
            Assert.Equal(HttpStatusCode.Unauthorized, await GraphStatusAsync(firstClient, secondsToken[..^4] + "AAAA"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Theory]
    [BothStores]
    public async Task A_store_whose_key_ring_an_earlier_version_kept_unencrypted_is_encrypted_in_place_and_its_tokens_still_validate(string storeName)
    {
        using var store = TestStore.Create(storeName);
        string issued;
        HttpStatusCode answered;
        await using (var earlier = await InProcessGatehouse.StartAsync(store, null, "--public-url", PublicUrl))
        {
            var (appId, secret) = await CreateClientAsync(store);
            using var client = earlier.CreateClient();
            issued = await TokenAsync(client, appId, secret);
            answered = await GraphStatusAsync(client, issued);
        }

        // Earlier versions stored what Data Protection writes without a key encryptor: each master key element, marked
        // requiresEncryption, in the clear. That element is exactly what decrypting the stored secret gives back.
        using (var kek = KeyEncryptionKeyOf(store))
        {
            await WriteUnencryptedAsync(store, kek);
        }

        if (store.Kind == StoreKind.Sqlite)
        {
            File.Delete(Path.Combine(store.DataFolder, "keys", "kek"));
        }

        var unencrypted = await KeyRingRows.ReadAsync(store, store.DataFolder);
        Assert.All(unencrypted, row => Assert.True(KeyRingRows.HoldsUnencryptedMasterKey(row)));

        await using var later = await InProcessGatehouse.StartAsync(store, null, "--public-url", PublicUrl);
        using var laterClient = later.CreateClient();

        var migrated = await KeyRingRows.ReadAsync(store, store.DataFolder);
        using var newKek = KeyEncryptionKeyOf(store);
        Assert.Equal(unencrypted.Select(r => KeyId(r)), migrated.Select(r => KeyId(r)));
        Assert.All(migrated, row =>
        {
            Assert.False(KeyRingRows.HoldsUnencryptedMasterKey(row), row.Xml);
            Assert.Equal([Convert.ToBase64String(newKek.RawData)], KeyRingRows.Encryptors(row).Certificates);
        });
        Assert.NotEqual(HttpStatusCode.Unauthorized, answered);
        Assert.Equal(answered, await GraphStatusAsync(laterClient, issued));
    }

    private static X509Certificate2 KeyEncryptionKeyOf(TestStore store) =>
        X509Certificate2.CreateFromPemFile(store.KeyEncryptionKeyFile ?? Path.Combine(store.DataFolder, "keys", "kek"));

    /// <summary>The flags of a node over the store (for SQLite, over the copy in <paramref name="folder"/>) that name no key-encryption key.</summary>
    private static string[] WithoutKeyEncryptionKey(TestStore store, string folder) => store.Kind == StoreKind.Postgres
        ? ["--data", folder, "--store", "postgres", "--connection-string", store.ConnectionString!]
        : ["--data", folder];

    private static string? KeyId(KeyRingRows.Row row) => (string?)XElement.Parse(row.Xml).Attribute("id");

    /// <summary>
    /// Another data folder over the same store: for SQLite, a copy of the database in it (VACUUM INTO copies the file
    /// as it is, with what the write-ahead log holds); for PostgreSQL, an empty folder for a node of the same database.
    /// </summary>
    private static async Task<string> CopyAsync(TestStore store)
    {
        var copy = store.DataFolder + "-copy";
        Directory.CreateDirectory(copy);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (store.Kind == StoreKind.Sqlite)
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(store.DataFolder, "gatehouse.db")};Pooling=False");
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO @path";
            command.Parameters.AddWithValue("@path", Path.Combine(copy, "gatehouse.db"));
            await command.ExecuteNonQueryAsync(Ct);
        }

        return copy;
    }

    private static async Task WriteUnencryptedAsync(TestStore store, X509Certificate2 kek)
    {
        await using var services = new ServiceCollection().AddDataProtection().UnprotectKeysWithAnyCertificate(kek).Services.BuildServiceProvider();
        var decryptor = new EncryptedXmlDecryptor(services);
        foreach (var row in await KeyRingRows.ReadAsync(store, store.DataFolder))
        {
            var xml = XElement.Parse(row.Xml);
            foreach (var secret in xml.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList())
            {
                secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
            }

            await KeyRingRows.WriteAsync(store, store.DataFolder, row with { Xml = xml.ToString(SaveOptions.DisableFormatting) });
        }
    }

    private static async Task<(string AppId, string Secret)> CreateClientAsync(TestStore store)
    {
        var appId = await GatehouseCli.CreateAppAsync(store, "key-ring");
        var secret = await GatehouseCli.AddSecretAsync(store, appId, "never");
        return (appId, secret.GetProperty("secretText").GetString()!);
    }

    private static async Task<string> TokenAsync(HttpClient node, string appId, string secret)
    {
        using var response = await node.PostAsync(
            new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", appId), new("client_secret", secret), new("scope", "https://graph.microsoft.com/.default")]),
            Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpStatusCode> GraphStatusAsync(HttpClient node, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1.0/organization", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await node.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
