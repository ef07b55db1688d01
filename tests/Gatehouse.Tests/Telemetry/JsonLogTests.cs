using System.Net;
using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// `--log-format json` writes the console log as one JSON object per line, with UTC timestamps and the request's
/// scopes; with tracing on, a request's log line carries the trace ID its spans are exported under. The server runs in
/// its own process, since only a process's console shows the format.
/// </summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task A_request_logs_a_JSON_line_carrying_the_trace_ID_of_its_exported_span()
    {
        await using var collector = new OtlpReceiver();
        // With the administrator's password given, first start prints no password line: every line is the log's.
        var environment = new Dictionary<string, string>(collector.Variables("gatehouse")) { ["GATEHOUSE_ADMIN_PASSWORD"] = "Json-log-admin-7f3c!" };
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), environment, ownProcess: true, arguments: ["--log-format", "json"]);
        using var flow = await DelegatedSignIn.CreateAsync(gatehouse, "json-log");
        var (verifier, challenge) = DelegatedSignIn.NewPkce();
        var code = await flow.GetCodeAsync(challenge);
        (await flow.RedeemAsync(code, verifier)).Dispose();

        // A code presented again is refused and logged as a warning, inside the token request's trace.
        using var replayed = await flow.RedeemAsync(code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);

        var spans = await collector.WaitForAsync(received => received.Any(s => s.Attribute("gatehouse.identity.aadsts") == "54005"));
        var warning = await WaitForLineAsync(gatehouse.Server, line => line.GetProperty("EventId").GetInt32() == 2002);
        Assert.Equal("Warning", warning.GetProperty("LogLevel").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", warning.GetProperty("Timestamp").GetString());
        var scopes = warning.GetProperty("Scopes").EnumerateArray().ToList();
        var traceId = Assert.Single(scopes, s => s.TryGetProperty("TraceId", out _)).GetProperty("TraceId").GetString();
        Assert.Contains(scopes, s => s.TryGetProperty("RequestPath", out var path) && path.GetString() == $"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token");
        Assert.Contains(spans, s => s.TraceId == traceId && s.Name == "identity POST /{tenant}/oauth2/v2.0/token" && s.Attribute("gatehouse.identity.aadsts") == "54005");

        var output = gatehouse.Server.Output;
        foreach (var secret in new[] { code, flow.Password, flow.Client.Secret })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_log_format_is_refused_at_start()
    {
        var (exitCode, output) = await GatehouseProcess.RunAsync(null, "serve", "--in-memory", "--log-format", "xml");

        Assert.Equal(1, exitCode);
        Assert.Equal("--log-format is text or json, not 'xml'.", output.Trim());
    }

    /// <summary>Every line of the server's output is a JSON object; waits (at most 10 s) for one that matches.</summary>
    private static async Task<JsonElement> WaitForLineAsync(RunningGatehouse server, Func<JsonElement, bool> matches)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => JsonDocument.Parse(line).RootElement).ToList();
            if (lines.FirstOrDefault(matches) is { ValueKind: JsonValueKind.Object } line)
            {
                return line;
            }

            Assert.True(attempt < 100, $"No such log line in:\n{server.Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
