using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Bench;

/// <summary>
/// `dataverse`: per store, a fresh server whose environment `gatehouse seed` fills with accounts, then closed-loop
/// load on a filtered, projected page of /api/data/v9.2/accounts as an application user, with p50 and p99.
/// </summary>
internal static class DataverseBenchmark
{
    public const string ListPath = "api/data/v9.2/accounts?$select=name,accountnumber,revenue&$filter=startswith(name,'Fourth Coffee') and numberofemployees gt 25000&$top=50";
    private const string Environment = "https://contoso.crm.dynamics.com";
    private const string TenantId = "11111111-1111-4111-8111-111111111111";
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(int accounts, int seconds, int connections, IReadOnlyList<StoreChoice> stores, CancellationToken cancellationToken)
    {
        Console.WriteLine($"dataverse: GET {ListPath}");
        Console.WriteLine($"{accounts} seeded accounts, {connections} connections, {seconds} s measured after a {WarmUp(seconds).TotalSeconds:0} s warm-up");
        var failed = false;
        foreach (var store in stores)
        {
            try
            {
                failed |= !await RunOneAsync(accounts, seconds, connections, Fresh(store), cancellationToken);
            }
            catch (BenchException e)
            {
                await Console.Error.WriteLineAsync($"{store.Kind}: {e.Message}");
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

    private static async Task<bool> RunOneAsync(int accounts, int seconds, int connections, StoreChoice store, CancellationToken cancellationToken)
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
        var bearer = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(trust, client, cancellationToken));

        using var http = trust.Create(connections);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = Enumerable.Range(0, connections).Select(_ => Task.Run(() => LoopAsync(http, bearer, stop.Token), cancellationToken)).ToList();
        await Task.Delay(WarmUp(seconds), cancellationToken);
        var windowStart = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        var windowEnd = Stopwatch.GetTimestamp();
        await stop.CancelAsync();
        var result = LoadResult.From(await Task.WhenAll(loops), windowStart, windowEnd);
        var latency = LatencyReport.From(result.LatencyTicks);
        Console.WriteLine($"{store.Kind}: {result.TokensPerSecond:0.0} requests/s, p50 {latency.P50:0.0} ms, p90 {latency.P90:0.0} ms, p99 {latency.P99:0.0} ms, max {latency.Max:0.0} ms, {result.Failures} failures");
        if (result.FirstFailure is { } failure)
        {
            await Console.Error.WriteLineAsync($"FAILED on {store.Kind}: {failure}\nThe server's last output:\n{server.RecentOutput}");
        }

        return result.Failures == 0;
    }

    private static TimeSpan WarmUp(int seconds) => TimeSpan.FromSeconds(Math.Clamp(seconds / 5.0, 1, 3));

    // A PostgreSQL run gets a database of its own, which the server's migrations create.
    private static StoreChoice Fresh(StoreChoice store)
    {
        if (store.Kind != StoreChoice.Postgres)
        {
            return store;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = store.ConnectionString };
        builder["Database"] = $"gh_bench_{Guid.NewGuid():N}";
        return store with { ConnectionString = builder.ConnectionString };
    }

    private static async Task<LoopSamples> LoopAsync(HttpClient http, AuthenticationHeaderValue bearer, CancellationToken stop)
    {
        var samples = new LoopSamples();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            string? failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ListPath, UriKind.Relative)) { Headers = { Authorization = bearer } };
                using var response = await http.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                failure = response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}"
                    : body.Contains("\"value\":[{", StringComparison.Ordinal) ? null : "HTTP 200 without accounts";
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }

            samples.Add(started, Stopwatch.GetTimestamp(), failure);
        }

        return samples;
    }

    private static async Task<string> AccessTokenAsync(PinnedServerClient trust, BenchClient client, CancellationToken cancellationToken)
    {
        using var http = trust.Create(connections: 1);
        var form = $"grant_type=client_credentials&client_id={Uri.EscapeDataString(client.AppId)}&client_secret={Uri.EscapeDataString(client.Secret)}"
            + $"&scope={Uri.EscapeDataString(Environment + "/.default")}";
        using var response = await http.PostAsync(
            new Uri($"{TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new ByteArrayContent(Encoding.UTF8.GetBytes(form)) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
            ? value
            : throw new BenchException($"No Dataverse token for the bench app: HTTP {(int)response.StatusCode} {body}");
    }
}
