using System.Net;
using System.Text.Json;

namespace Gatehouse.Bench;

/// <summary>
/// `graph`: per store, a fresh server seeded with sample people through `gatehouse seed`, then closed-loop load on a
/// filtered, projected page of /v1.0/users and on single-user lookups, as an app holding User.Read.All.
/// </summary>
internal static class GraphBenchmark
{
    public const string ListPath = "v1.0/users?$filter=startswith(displayName,'A')&$select=id,displayName&$top=100";
    public const string PagedPath = "v1.0/users?$select=id,displayName&$top=100";
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(20);

    public static async Task<int> RunAsync(GraphPlan plan, IReadOnlyList<StoreChoice> stores, CancellationToken cancellationToken)
    {
        var report = new GraphReport(Console.Out, plan);
        report.WriteHeader();
        return await ScratchStore.RunEachAsync(stores, scratch => RunOneAsync(plan, scratch, report, cancellationToken));
    }

    private static async Task<bool> RunOneAsync(GraphPlan plan, StoreChoice store, GraphReport report, CancellationToken cancellationToken)
    {
        await using var server = await ServerProcess.StartAsync(store, cancellationToken);
        var seeded = await ClientSetup.RunAsync(
            server, ["seed", "--users", $"{plan.Users}", "--groups", "0", "--events-per-user", "0", "--seed", "1"], cancellationToken, SeedTimeout);
        report.WriteSeed(store, seeded.GetProperty("users").GetInt32(), seeded.GetProperty("elapsedSeconds").GetDouble());
        var client = await ClientSetup.CreateAsync(server, cancellationToken);
        var trust = server.Trust();
        var bearer = await ClientSetup.BearerAsync(trust, client, "https://graph.microsoft.com/.default", cancellationToken);

        var ids = await UserIdsAsync(trust, bearer, cancellationToken);

        var load = new TokensPlan(plan.Connections, plan.WarmUp, plan.Measured, TimeSpan.Zero);
        var list = await LoadRun.RunAsync(trust, (http, ct) => LoadRun.GetAsync(http, new Uri(ListPath, UriKind.Relative), bearer, HttpStatusCode.OK, ct),
            load, new CpuWindow(server.ProcessId), cancellationToken);
        report.WriteLoad(store, "users?$filter=startswith&$select&$top=100", list);

        var next = -1;
        var get = await LoadRun.RunAsync(
            trust,
            (http, ct) => LoadRun.GetAsync(http, new Uri($"v1.0/users/{ids[(int)((uint)Interlocked.Increment(ref next) % ids.Count)]}", UriKind.Relative), bearer, HttpStatusCode.OK, ct),
            load, new CpuWindow(server.ProcessId), cancellationToken);
        report.WriteLoad(store, "users/{id}", get);

        var results = new List<LoadResult> { list, get };
        if (plan.DeepPage > 1)
        {
            var deep = await PageUrlAsync(trust, bearer, plan.DeepPage, cancellationToken);
            foreach (var (label, url) in new[] { ("users?$select&$top=100 page 1", new Uri(PagedPath, UriKind.Relative)), ($"users?$select&$top=100 page {plan.DeepPage}", deep) })
            {
                var page = await LoadRun.RunAsync(trust, (http, ct) => LoadRun.GetAsync(http, url, bearer, HttpStatusCode.OK, ct), load, new CpuWindow(server.ProcessId), cancellationToken);
                report.WriteLoad(store, label, page);
                results.Add(page);
            }
        }

        foreach (var failure in results.Select(r => r.FirstFailure).OfType<string>())
        {
            await Console.Error.WriteLineAsync($"""
                FAILED on {store.Kind}: {failure}
                The server's last output:
                {server.RecentOutput}
                """);
        }

        return results.All(r => r.Failures == 0);
    }

    /// <summary>The address of page <paramref name="page"/> of <see cref="PagedPath"/>, found as a client finds it: following each nextLink.</summary>
    private static async Task<Uri> PageUrlAsync(PinnedServerClient trust, string bearer, int page, CancellationToken cancellationToken)
    {
        using var http = trust.Create(connections: 1);
        var url = new Uri(PagedPath, UriKind.Relative);
        for (var reached = 1; reached < page; reached++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Authorization", bearer);
            using var response = await http.SendAsync(request, cancellationToken);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            url = json.RootElement.TryGetProperty("@odata.nextLink", out var next)
                ? new Uri(next.GetString()!)
                : throw new BenchException($"The users list has only {reached} pages of 100; seed more with --users.");
        }

        return url;
    }

    /// <summary>The IDs that single-user lookups cycle through, read from the API itself.</summary>
    private static async Task<List<string>> UserIdsAsync(PinnedServerClient trust, string bearer, CancellationToken cancellationToken)
    {
        using var http = trust.Create(connections: 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("v1.0/users?$select=id&$top=999", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", bearer);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"GET /v1.0/users answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var ids = json.RootElement.GetProperty("value").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
        return ids.Count > 0 ? ids : throw new BenchException("GET /v1.0/users returned no users.");
    }
}

/// <summary>The shape of a `graph` run.</summary>
internal sealed record GraphPlan(int Users, int Connections, TimeSpan WarmUp, TimeSpan Measured)
{
    /// <summary>With more than 1, page 1 and this page of <see cref="GraphBenchmark.PagedPath"/> are timed too.</summary>
    public int DeepPage { get; init; }

    public static GraphPlan For(int users, int seconds, int connections) =>
        new(users, connections, TimeSpan.FromSeconds(Math.Clamp(seconds / 5.0, 1, 3)), TimeSpan.FromSeconds(seconds));
}
