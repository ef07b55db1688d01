using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>`gatehouse serve`: one HTTPS listener, with a self-signed certificate whose public part clients can trust.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task Server_answers_healthz_over_https_with_the_localhost_certificate_it_wrote_to_tls_pem()
    {
        using var store = TestStore.Sqlite();
        var clock = Stopwatch.StartNew();

        await using var server = await GatehouseProcess.StartAsync(store);

        TestContext.Current.SendDiagnosticMessage($"gatehouse serve (SQLite, first start) was healthy {clock.ElapsedMilliseconds} ms after the process started");
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https", response.RequestMessage!.RequestUri!.Scheme);
        using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(store.DataFolder, "tls.pem"), TestContext.Current.CancellationToken));
        Assert.False(certificate.HasPrivateKey);
        using var key = certificate.GetECDsaPublicKey();
        Assert.Equal(256, key?.KeySize);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
    }

    // This is also the test of the server itself on PostgreSQL (the other server tests run on SQLite).
    [Fact]
    [Trait(StoreTrait.Name, StoreTrait.Postgres)]
    public async Task Server_takes_its_settings_from_GATEHOUSE_variables_without_flags()
    {
        using var store = TestStore.Postgres();
        var port = LoopbackPort.Free();
        var environment = new Dictionary<string, string>
        {
            ["GATEHOUSE_URLS"] = $"https://127.0.0.1:{port}",
            ["GATEHOUSE_DATA"] = store.DataFolder,
            ["GATEHOUSE_STORE"] = "postgres",
            ["GATEHOUSE_CONNECTION_STRING"] = store.ConnectionString!,
        };

        await using var server = await GatehouseProcess.StartAsync(port, store.DataFolder, environment, ["serve"], TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(store.DataFolder, "tls.pem")), "GATEHOUSE_DATA was not used for tls.pem");
        Assert.False(File.Exists(Path.Combine(store.DataFolder, "gatehouse.db")), "GATEHOUSE_STORE=postgres was not used");
        await using var harness = await DirectoryHarness.OpenAsync(store);
        Assert.Equal("Default Directory", harness.Tenant.DisplayName);
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task In_memory_server_answers_healthz_and_leaves_no_data_folder_behind()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", "in-memory-" + Guid.NewGuid().ToString("N"));
        var port = LoopbackPort.Free();

        await using (var server = await GatehouseProcess.StartAsync(port, null, null, ["serve", "--in-memory", "--urls", $"https://127.0.0.1:{port}", "--data", folder], TestContext.Current.CancellationToken))
        {
            using var client = server.CreateClient();
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(Directory.Exists(folder), "the in-memory server made its data folder");
        }

        Assert.False(Directory.Exists(folder), "the in-memory server left its data folder behind");
    }
}
