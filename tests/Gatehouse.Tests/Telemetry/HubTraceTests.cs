using System.Text;
using Gatehouse.Tests.Connectors;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Telemetry;

/// <summary>The hub's spans: a proxied call with the provider call inside its trace, and a background refresh with the authority call inside it.</summary>
[Collection(TracingServers.Name)]
public sealed class HubTraceTests
{
    [Theory]
    [BothStores]
    public async Task A_proxied_call_and_a_background_refresh_carry_their_outbound_calls(string store)
    {
        await using var collector = new OtlpReceiver();
        var environment = new Dictionary<string, string>(HubScenario.QuickRefresh) { ["GATEHOUSE_HUB_GRAPH_URL"] = "provider" };
        foreach (var (name, value) in collector.Variables("gatehouse-hub"))
        {
            environment[name] = value;
        }

        await using var scenario = await HubScenario.StartAsync(store, environment);
        var (id, token) = await scenario.CreateDelegatedInstanceAsync(events: false);
        Assert.Equal(200, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/proxy/me", instanceToken: token)).Status);
        scenario.MoveIntoRefreshWindow();

        // Other in-process servers' spans reach this collector too: the outbound calls are picked by this server's port
        // (the authority) and this test's provider listener.
        var authority = scenario.Gatehouse.BaseUrl;
        var provider = scenario.Provider.Url.TrimEnd('/');
        var spans = await collector.WaitForAsync(received =>
            received.Any(s => s.Name == "hub refresh" && s.Attribute("gatehouse.hub.refresh_reason") == "Due"
                && received.Any(c => c.ParentSpanId == s.SpanId && Calls(c, authority)))
            && received.Any(s => Calls(s, $"{provider}/v1.0/me")));

        var proxied = Assert.Single(spans, s => Calls(s, $"{provider}/v1.0/me"));
        var proxy = Assert.Single(spans, s => s.TraceId == proxied.TraceId && s.Name.StartsWith("hub GET", StringComparison.Ordinal));
        Assert.Equal(id.ToString(), proxy.Attribute("gatehouse.hub.instance"));
        var refresh = Assert.Single(spans, s => s.Name == "hub refresh" && s.Attribute("gatehouse.hub.refresh_reason") == "Due"
            && spans.Any(c => c.ParentSpanId == s.SpanId && Calls(c, authority)));
        Assert.Equal(id.ToString(), refresh.Attribute("gatehouse.hub.instance"));
        Assert.Equal("", refresh.ParentSpanId);

        var exported = collector.Bodies.SelectMany(b => b).ToArray();
        foreach (var secret in new[] { token, scenario.App.Secret })
        {
            Assert.Equal(-1, exported.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }

    private static bool Calls(OtlpSpan span, string urlPrefix) =>
        span.Attribute("url.full") is { } url && url.StartsWith(urlPrefix, StringComparison.Ordinal) && span.Attribute("server.address") is not null;
}
