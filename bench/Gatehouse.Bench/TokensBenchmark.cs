using System.Text;

namespace Gatehouse.Bench;

/// <summary>`tokens`: a fresh server and client, the machine's sign rate, then client_credentials load against it.</summary>
internal static class TokensBenchmark
{
    private const string DefaultTenantId = "11111111-1111-4111-8111-111111111111";
    private const string GraphScope = "https://graph.microsoft.com/.default";

    public static async Task<int> RunAsync(int seconds, int connections, StoreChoice store, CancellationToken cancellationToken)
    {
        var plan = TokensPlan.For(seconds, connections);
        try
        {
            await using var server = await ServerProcess.StartAsync(store, cancellationToken);
            var client = await ClientSetup.CreateAsync(server, cancellationToken);
            // Measured while the server idles, so the sign rate is one core's own.
            var signRate = SignRate.Measure(plan.Signing);
            var cpu = new CpuWindow(server.ProcessId);
            var load = await LoadRun.RunAsync(
                server.Trust(), new Uri($"{DefaultTenantId}/oauth2/v2.0/token", UriKind.Relative), Form(client), plan, cpu, cancellationToken);
            TokensReport.Write(Console.Out, plan, store, load, signRate, cpu);
            if (load.Failures == 0)
            {
                return 0;
            }

            await Console.Error.WriteLineAsync($"""
                FAILED: {load.Failures} token requests did not return 200 with an access_token. The first: {load.FirstFailure}
                The server's last output:
                {server.RecentOutput}
                """);
            return 1;
        }
        catch (BenchException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static byte[] Form(BenchClient client) => Encoding.UTF8.GetBytes(
        $"grant_type=client_credentials&client_id={Uri.EscapeDataString(client.AppId)}" +
        $"&client_secret={Uri.EscapeDataString(client.Secret)}&scope={Uri.EscapeDataString(GraphScope)}");
}
