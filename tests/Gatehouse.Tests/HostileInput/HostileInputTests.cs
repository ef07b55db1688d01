using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.HostileInput;

/// <summary>
/// README "Errors", on every run: thousands of malformed requests, from one seed, to every surface of a real server
/// over a seeded tenant. None is answered with a 5xx or a stack trace, no API answers an empty 400 (the portal's pages
/// refuse a form without its antiforgery token with Razor Pages' bare 400), and none changes the store.
/// </summary>
/// <remarks>
/// The failure limits stay on, as in production: the requests that get credentials wrong use a decoy app or none,
/// so the tenant's own app is never locked out and its requests reach the parsers. A 429 is an answer like any other 4xx.
/// </remarks>
public sealed partial class HostileInputTests(ITestOutputHelper output)
{
    public const string SeedVariable = "GATEHOUSE_HOSTILE_SEED";
    private const int DefaultSeed = 20261207;
    private const int RequestCount = 10_000;

    [Theory]
    [BothStores]
    public async Task Malformed_requests_to_every_surface_get_their_documented_errors_and_change_nothing(string store)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var chosen) ? chosen : DefaultSeed;
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Create(store));
        var tenant = await HostileTenant.SeedAsync(gatehouse);
        var before = await StoreDigest.TakeAsync(gatehouse.Store);

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var handler = gatehouse.TrustingHandler();
        handler.AllowAutoRedirect = false;
        using var http = new HttpClient(handler) { BaseAddress = gatehouse.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var options = new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(HostileGenerator.Requests(seed, tenant, RequestCount).Select((r, i) => (Request: r, Index: i)), options, async (item, cancellationToken) =>
        {
            var (status, problem) = await SendAsync(http, item.Request, cancellationToken);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (problem is not null)
            {
                failures.Enqueue($"request #{item.Index} ({item.Request.Surface}) → {status}: {problem}\n{item.Request.Describe()}");
            }
        });

        var after = await StoreDigest.TakeAsync(gatehouse.Store);
        var histogram = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        output.WriteLine($"{store}, seed {seed}: {RequestCount} requests in {clock.Elapsed.TotalSeconds:F0} s; status histogram: {histogram}");
        var changed = before.Where(t => after[t.Key] != t.Value).Select(t => $"{t.Key} ({t.Value} → {after[t.Key]})").ToList();

        Assert.True(failures.IsEmpty, $"{failures.Count} of {RequestCount} hostile requests failed (seed {seed}; rerun with {SeedVariable}={seed}); the first:\n\n"
            + string.Join("\n", failures.Take(15)) + "\nThe server's exceptions:\n" + ServerExceptions(gatehouse.Server.Output));
        Assert.True(changed.Count == 0, $"Hostile requests changed the store (seed {seed}): {string.Join(", ", changed)}");
        Assert.Equal(RequestCount, statuses.Values.Sum());
    }

    /// <summary>Sends one request; the status (or "reset") and what is wrong with the answer, if anything.</summary>
    private static async Task<(string Status, string? Problem)> SendAsync(HttpClient http, HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage(http.BaseAddress!);
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            return (status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                status >= 500 ? $"a server error; body: {Preview(body)}"
                : status == 201 ? $"something was created from a malformed request; body: {Preview(body)}"
                : StackTrace().IsMatch(body) ? $"a stack trace or exception type in the body: {Preview(StackTrace().Match(body).Value)}"
                : status == 400 && body.Length == 0 && request.Surface != "portal" && !request.MayBeCutOff ? "an empty 400, without the API's error body"
                : null);
        }
        catch (HttpRequestException) when (request.MayBeCutOff)
        {
            return ("reset", null);
        }
        catch (HttpRequestException exception)
        {
            return ("reset", $"the connection failed: {exception.Message}");
        }
    }

    /// <summary>The first lines of each exception the server logged, where the 500s came from.</summary>
    private static string ServerExceptions(string log)
    {
        var lines = log.Split('\n');
        return string.Join('\n', lines.Select((line, i) => (line, i)).Where(l => l.line.Contains("Exception", StringComparison.Ordinal))
            .Take(20).SelectMany(l => lines.Skip(l.i).Take(4)).Distinct());
    }

    private static string Preview(string body) => body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>
    /// A .NET exception type of the runtime, ASP.NET Core, EF Core, Npgsql or Gatehouse, or a stack frame. (The
    /// portal's API answers with the Azure portal's own ClassName, Microsoft.Portal.Framework.Exceptions.ClientException, on purpose.)
    /// </summary>
    [GeneratedRegex(@"\b(System|Microsoft\.(AspNetCore|EntityFrameworkCore|Data|IdentityModel|Extensions)|Npgsql|Gatehouse)(\.\w+)*\.\w*Exception\b|\n\s+at \w+(\.\w+)+\(|\bStackTrace\b")]
    private static partial Regex StackTrace();
}
