using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>`gatehouse serve --import FILE`: a server filled from a tenant document in one command, in memory or over a store.</summary>
public sealed class ServeImportTests
{
    private const string SecretText = "Ci8Q~imported.at-start_secret-value_0123456789";

    [Fact]
    public async Task In_memory_server_started_with_import_issues_a_client_credentials_token_to_an_app_of_the_document()
    {
        using var files = TestStore.Sqlite();
        var (tenantId, appId, document) = Document();
        var path = files.WriteFile("ci-tenant.json", document);
        var port = LoopbackPort.Free();

        await using var server = await GatehouseProcess.StartAsync(
            port, null, null, ["serve", "--in-memory", "--urls", $"https://127.0.0.1:{port}", "--import", path], TestContext.Current.CancellationToken);

        Assert.Contains($"Imported tenant {tenantId} from ci-tenant.json: 0 users, 0 groups, 1 applications.", server.Output, StringComparison.Ordinal);
        using var client = server.CreateClient();
        using var token = await RequestTokenAsync(client, tenantId, appId, SecretText);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        using var refused = await RequestTokenAsync(client, tenantId, appId, SecretText + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [BothStores]
    public async Task Server_over_a_store_imports_the_document_at_every_start(string kind)
    {
        using var store = TestStore.Create(kind);
        var (tenantId, appId, document) = Document();
        var path = store.WriteFile("ci-tenant.json", document);

        await using (var first = await InProcessGatehouse.StartAsync(store, null, "--import", path))
        {
            using var client = first.CreateClient();
            using var token = await RequestTokenAsync(client, tenantId, appId, SecretText);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }

        // The same document again: the tenant is what it says, not a second copy refused as a conflict.
        await using var second = await InProcessGatehouse.StartAsync(store, null, "--import", path);
        Assert.Contains($"Imported tenant {tenantId}", second.Output, StringComparison.Ordinal);
        using var again = second.CreateClient();
        using var reissued = await RequestTokenAsync(again, tenantId, appId, SecretText);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
    }

    [Fact]
    public async Task A_document_that_is_not_a_tenant_document_stops_the_start_with_one_line_and_exit_code_1()
    {
        using var files = TestStore.Sqlite();
        var path = files.WriteFile("broken.json", """{ "tenant": 5 }""");
        var port = LoopbackPort.Free();

        var (exitCode, output) = await GatehouseProcess.RunAsync(null, "serve", "--in-memory", "--urls", $"https://127.0.0.1:{port}", "--import", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("--import: broken.json was not imported: $.tenant: expected an object", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_document_stops_the_start_before_the_first_start()
    {
        using var store = TestStore.Sqlite();
        var missing = Path.Combine(store.DataFolder, "nowhere.json");

        var (exitCode, output) = await GatehouseProcess.RunAsync(null, ["serve", "--urls", $"https://127.0.0.1:{LoopbackPort.Free()}", .. store.Arguments, "--import", missing]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"--import: the file {missing} does not exist.", output.Trim());
        Assert.False(File.Exists(Path.Combine(store.DataFolder, "gatehouse.db")), "the refused start made a store");
    }

    private static (Guid TenantId, Guid AppId, string Json) Document()
    {
        var tenantId = Guid.NewGuid();
        var appId = Guid.NewGuid();
        var domain = $"ci{tenantId.ToString("N")[..10]}.onmicrosoft.com";
        return (tenantId, appId, $$"""
            {
              "tenant": { "id": "{{tenantId}}", "displayName": "CI", "domains": [ { "name": "{{domain}}", "isDefault": true } ] },
              "applications": [
                { "appId": "{{appId}}", "displayName": "ci-api", "passwordCredentials": [ { "displayName": "ci", "secretText": "{{SecretText}}" } ] }
              ]
            }
            """);
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, Guid tenantId, Guid appId, string secret) =>
        client.PostAsync(new Uri($"/{tenantId}/oauth2/v2.0/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = appId.ToString(),
            ["client_secret"] = secret,
            ["scope"] = "https://graph.microsoft.com/.default",
        }), TestContext.Current.CancellationToken);
}
