using System.Diagnostics;
using System.Net;

namespace Gatehouse.Bench;

/// <summary>
/// `dataverse`: per store, a fresh server whose environment `gatehouse seed` fills with accounts, then closed-loop
/// load on a filtered, projected page of /api/data/v9.2/accounts as an application user, with p50 and p99.
/// </summary>
internal static class DataverseBenchmark
{
    public const string ListPath = "api/data/v9.2/accounts?$select=name,accountnumber,revenue&$filter=startswith(name,'Fourth Coffee') and numberofemployees gt 25000&$top=50";
    private const string Environment = "https://contoso.crm.dynamics.com";
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(int accounts, int seconds, int connections, IReadOnlyList<StoreChoice> stores, CancellationToken cancellationToken)
    {
        var plan = TokensPlan.For(seconds, connections);
        Console.WriteLine($"dataverse: GET {ListPath}");
        Console.WriteLine($"{accounts} seeded accounts, {connections} connections, {seconds} s measured after a {plan.WarmUp.TotalSeconds:0} s warm-up");
        return await ScratchStore.RunEachAsync(stores, scratch => RunOneAsync(accounts, plan, scratch, cancellationToken));
    }

    private static async Task<bool> RunOneAsync(int accounts, TokensPlan plan, StoreChoice store, CancellationToken cancellationToken)
    {
        await using var server = await ServerProcess.StartAsync(store, cancellationToken);
        var seedWatch = Stopwatch.StartNew();
        await ClientSetup.RunAsync(server,
            ["seed", "--users", "10", "--groups", "0", "--events-per-user", "0", "--accounts", $"{accounts}", "--contacts", "0", "--leads", "0", "--opportunities", "0"],
            cancellationToken, SeedTimeout);
        Console.WriteLine($"{store.Kind}: seeded {accounts} accounts in {seedWatch.Elapsed.TotalSeconds:0.0} s");
        var client = await ClientSetup.CreateAsync(server, cancellationToken);
        await ClientSetup.RunAsync(server, ["dataverse", "app-user", "add", "--app", client.AppId, "--role", "System Administrator"], cancellationToken);
        var trust = server.Trust();
        var bearer = await ClientSetup.BearerAsync(trust, client, Environment + "/.default", cancellationToken);

        var path = new Uri(ListPath, UriKind.Relative);
        var result = await LoadRun.RunAsync(trust, (http, ct) => LoadRun.GetAsync(http, path, bearer, HttpStatusCode.OK, ct, mustContain: "\"value\":[{"),
            plan, new CpuWindow(server.ProcessId), cancellationToken);
        var latency = LatencyReport.From(result.LatencyTicks);
        Console.WriteLine($"{store.Kind}: {result.TokensPerSecond:0.0} requests/s, p50 {latency.P50:0.0} ms, p90 {latency.P90:0.0} ms, p99 {latency.P99:0.0} ms, max {latency.Max:0.0} ms, {result.Failures} failures");
        if (result.FirstFailure is { } failure)
        {
            await Console.Error.WriteLineAsync($"FAILED on {store.Kind}: {failure}\nThe server's last output:\n{server.RecentOutput}");
        }

        return result.Failures == 0;
    }
}
