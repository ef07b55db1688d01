using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gatehouse.Bench;

/// <summary>
/// `proxy`: the same Microsoft Graph call made directly with an app-only token and through a hub instance's
/// /proxy, against one fresh server; the difference of their latencies is what the hub adds.
/// </summary>
internal static class ProxyBenchmark
{
    private const string GraphPath = "users?$top=1";

    public static async Task<int> RunAsync(int seconds, int connections, StoreChoice store, CancellationToken cancellationToken)
    {
        var plan = TokensPlan.For(seconds, connections);
        try
        {
            await using var server = await ServerProcess.StartAsync(store, cancellationToken);
            var client = await ClientSetup.CreateAsync(server, cancellationToken);
            var secrets = await ClientSetup.RunAsync(server, ["hub", "secrets", "create"], cancellationToken);
            var platform = secrets.GetProperty("authorization").GetString()!;
            var trust = server.Trust();
            using var setup = trust.Create(connections: 1);
            var instanceToken = await CreateInstanceAsync(setup, platform, client, cancellationToken);
            var bearer = "Bearer " + await ClientSetup.AccessTokenAsync(setup, client, "https://graph.microsoft.com/.default", cancellationToken);
            var direct = new Uri("/v1.0/" + GraphPath, UriKind.Relative);
            var proxied = new Uri("/elements/api-v2/proxy/" + GraphPath, UriKind.Relative);
            var throughHub = $"{platform}, Element {instanceToken}";

            // Whatever Graph answers (200 once it serves users), the hub must answer the same.
            using var probe = await setup.SendAsync(new HttpRequestMessage(HttpMethod.Get, direct) { Headers = { { "Authorization", bearer } } }, cancellationToken);
            var expected = probe.StatusCode;
            var directLoad = await LoadRun.RunAsync(trust, (http, token) => LoadRun.GetAsync(http, direct, bearer, expected, token), plan, new CpuWindow(server.ProcessId), cancellationToken);
            var hubLoad = await LoadRun.RunAsync(trust, (http, token) => LoadRun.GetAsync(http, proxied, throughHub, expected, token), plan, new CpuWindow(server.ProcessId), cancellationToken);
            Write(Console.Out, plan, expected, directLoad, hubLoad);
            var failed = directLoad.Failures + hubLoad.Failures;
            if (failed == 0)
            {
                return 0;
            }

            await Console.Error.WriteLineAsync($"FAILED: {failed} requests did not answer {(int)expected}. The first: {directLoad.FirstFailure ?? hubLoad.FirstFailure}");
            return 1;
        }
        catch (BenchException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static void Write(TextWriter output, TokensPlan plan, HttpStatusCode status, LoadResult direct, LoadResult hub)
    {
        var d = LatencyReport.From(direct.LatencyTicks);
        var h = LatencyReport.From(hub.LatencyTicks);
        output.WriteLine($"GET /v1.0/{GraphPath} (answer {(int)status}), {plan.Connections} connections, {plan.Measured.TotalSeconds:0} s each");
        output.WriteLine($"direct   {direct.TokensPerSecond,8:0} req/s  p50 {d.P50,7:0.00} ms  p99 {d.P99,7:0.00} ms  max {d.Max,7:0.00} ms");
        output.WriteLine($"via hub  {hub.TokensPerSecond,8:0} req/s  p50 {h.P50,7:0.00} ms  p99 {h.P99,7:0.00} ms  max {h.Max,7:0.00} ms");
        output.WriteLine($"added by the hub: p50 {h.P50 - d.P50:0.00} ms, p99 {h.P99 - d.P99:0.00} ms");
    }

    private static async Task<string> CreateInstanceAsync(HttpClient http, string platform, BenchClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/elements/api-v2/instances", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                element = new { key = "office365" },
                name = "bench",
                configuration = new Dictionary<string, string>
                {
                    ["oauth.api.key"] = client.AppId,
                    ["oauth.api.secret"] = client.Secret,
                    ["oauth.grant.type"] = "client_credentials",
                },
            }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", platform);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"POST /instances answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString()!;
    }
}
