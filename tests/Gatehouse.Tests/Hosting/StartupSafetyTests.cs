using System.Net;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>Bound beyond loopback, the server refuses to start with an empty or well-known admin password.</summary>
public sealed class StartupSafetyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Passw0rd!")]
    public async Task Server_beyond_loopback_refuses_to_start_without_a_strong_admin_password(string? password)
    {
        using var store = TestStore.Sqlite();
        var environment = password is null ? null : new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = password };

        var (exitCode, output) = await GatehouseProcess.RunAsync(environment, ["serve", "--urls", $"https://0.0.0.0:{LoopbackPort.Free()}", .. store.Arguments]);

        Assert.NotEqual(0, exitCode);
        OutputRules.AssertOneLineReason(output);
        Assert.Contains("Refusing to start", output, StringComparison.Ordinal);
        Assert.Contains("GATEHOUSE_ADMIN_PASSWORD", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_first_started_on_loopback_with_a_well_known_password_refuses_to_serve_beyond_loopback_later()
    {
        using var store = TestStore.Sqlite();
        var weak = new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = "Passw0rd!" };
        var (created, _) = await GatehouseProcess.RunAsync(weak, ["app", "list", .. store.Arguments]);
        Assert.Equal(0, created);

        var (exitCode, output) = await GatehouseProcess.RunAsync(null, ["serve", "--urls", $"https://0.0.0.0:{LoopbackPort.Free()}", .. store.Arguments]);

        Assert.NotEqual(0, exitCode);
        OutputRules.AssertOneLineReason(output);
        Assert.Contains("admin@contoso.onmicrosoft.com has a well-known password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_beyond_loopback_starts_with_a_strong_admin_password()
    {
        using var store = TestStore.Sqlite();

        await using var server = await StartBeyondLoopbackAsync(store);

        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>`gatehouse serve` on every address (https://0.0.0.0:port) with a strong admin password.</summary>
    internal static Task<GatehouseProcess> StartBeyondLoopbackAsync(TestStore store)
    {
        var port = LoopbackPort.Free();
        var environment = new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = "Tr0ub4dor&3-horse" };
        return GatehouseProcess.StartAsync(port, store.DataFolder, environment, ["serve", "--urls", $"https://0.0.0.0:{port}", .. store.Arguments], TestContext.Current.CancellationToken);
    }
}
