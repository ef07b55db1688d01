using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// README's metrics table ("Observability") lists every series GET /metrics serves, with its type, and every
/// instrument the code defines, so that it cannot drift from the server. The server runs in its own process: in the
/// test process its meters would also hear every other in-process server.
/// </summary>
public sealed partial class MetricsReferenceTests
{
    [Fact]
    public async Task Every_series_served_after_traffic_is_in_READMEs_table_with_its_type()
    {
        var table = ReadmeTable();
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), ownProcess: true);
        var client = await gatehouse.RegisterClientAsync("metered", ("Microsoft Graph", "User.Read.All"));
        var token = (await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"])
            .ExecuteAsync(TestContext.Current.CancellationToken)).AccessToken;
        using var users = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1.0/users", UriKind.Relative));
        users.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await gatehouse.Http.SendAsync(users, TestContext.Current.CancellationToken)).Dispose();
        (await gatehouse.PostTokenAsync(TokenServiceFixture.TenantId,
            [new("grant_type", "client_credentials"), new("client_id", client.AppId), new("client_secret", "wrong"), new("scope", "https://graph.microsoft.com/.default")])).Dispose();
        (await gatehouse.Http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).Dispose();

        var metrics = await gatehouse.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        var served = TypeLine().Matches(metrics).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value);
        Assert.Contains("http_server_request_duration_seconds", served.Keys);
        var unlisted = served.Where(s => table.GetValueOrDefault(s.Key) != s.Value).Select(s => $"{s.Key} ({s.Value})").ToList();
        Assert.True(unlisted.Count == 0, $"Served but not in README's metrics table with that type: {string.Join(", ", unlisted)}");
        var stale = table.Keys.Where(name => name.StartsWith("gatehouse_", StringComparison.Ordinal) && !served.ContainsKey(name)).ToList();
        Assert.True(stale.Count == 0, $"In README's metrics table but never served: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_instrument_the_code_defines_is_in_READMEs_table()
    {
        var table = ReadmeTable();
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var instruments = sources.SelectMany(path => Instrument().Matches(File.ReadAllText(path))).ToList();

        Assert.NotEmpty(instruments);
        foreach (var instrument in instruments)
        {
            var (series, type) = Prometheus(instrument.Groups["kind"].Value, instrument.Groups["name"].Value, instrument.Groups["unit"].Value);
            Assert.True(table.GetValueOrDefault(series) == type, $"README's metrics table does not list {series} ({type}), defined in the code as {instrument.Value}.");
        }
    }

    /// <summary>The series name and type the Prometheus exporter serves an instrument under.</summary>
    private static (string Series, string Type) Prometheus(string kind, string name, string unit)
    {
        var suffix = unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };
        var series = name.Replace('.', '_') + suffix;
        return kind switch
        {
            "Counter" or "ObservableCounter" => (series + "_total", "counter"),
            "Histogram" => (series, "histogram"),
            _ => (series, "gauge"),
        };
    }

    /// <summary>README's metrics table: every series it names (a row may name several), with its type.</summary>
    private static Dictionary<string, string> ReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("\n### Metrics\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"### Metrics\" section.");
        var section = readme[start..];
        var end = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
        var table = new Dictionary<string, string>();
        foreach (Match row in TableRow().Matches(end < 0 ? section : section[..end]))
        {
            foreach (Match name in SeriesName().Matches(row.Groups["series"].Value))
            {
                table[name.Groups[1].Value] = row.Groups["type"].Value;
            }
        }

        return table;
    }

    [GeneratedRegex(@"^# TYPE (?<name>\S+) (?<type>\S+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^\| (?<series>`[^|]+) \| (?<type>counter|gauge|histogram) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex SeriesName();

    [GeneratedRegex(@"Create(?<kind>Counter|Histogram|UpDownCounter|Gauge|ObservableCounter|ObservableGauge|ObservableUpDownCounter)<\w+>\(\s*""(?<name>[^""]+)""(?:,\s*""(?<unit>[^""]*)"")?")]
    private static partial Regex Instrument();
}
