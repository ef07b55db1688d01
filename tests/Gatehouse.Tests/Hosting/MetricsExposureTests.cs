using System.Net;
using Gatehouse.Hosting;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Hosting;

/// <summary>GET /metrics: on the metrics listener alone with --metrics-urls, which serves nothing else; to loopback callers only without it.</summary>
public sealed class MetricsExposureTests
{
    [Fact]
    public async Task Metrics_listener_serves_metrics_and_health_only_and_the_main_listener_answers_404_for_metrics()
    {
        var metricsPort = LoopbackPort.Free();
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite(), arguments: ["--metrics-urls", $"http://127.0.0.1:{metricsPort}"]);
        var client = await gatehouse.RegisterClientAsync("metrics listener");
        await gatehouse.Msal(client).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(TestContext.Current.CancellationToken);
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}/") };

        using var metrics = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        using var health = await scraper.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var token = await scraper.PostAsync(new Uri($"/{TokenServiceFixture.TenantId}/oauth2/v2.0/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials")]), TestContext.Current.CancellationToken);
        using var discovery = await scraper.GetAsync(new Uri($"/{TokenServiceFixture.TenantId}/v2.0/.well-known/openid-configuration", UriKind.Relative), TestContext.Current.CancellationToken);
        using var graph = await scraper.GetAsync(new Uri("/v1.0/users", UriKind.Relative), TestContext.Current.CancellationToken);
        using var portal = await scraper.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var onMain = await gatehouse.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("gatehouse_tokens_issued_total", await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, graph.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, portal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onMain.StatusCode);
    }

    [Fact]
    public async Task Without_a_metrics_listener_a_loopback_caller_reads_metrics_on_the_main_listener()
    {
        await using var gatehouse = await TokenServiceFixture.StartAsync(TestStore.Sqlite());

        using var response = await gatehouse.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/metrics", false, false, "127.0.0.1", null)]
    [InlineData("/metrics", false, false, "::1", null)]
    [InlineData("/metrics", false, false, "::ffff:127.0.0.1", null)]
    [InlineData("/metrics", false, false, "192.0.2.7", 403)]
    [InlineData("/METRICS/", false, false, "2001:db8::7", 403)]
    [InlineData("/metrics", false, true, "127.0.0.1", 404)]
    [InlineData("/v1.0/users", false, true, "192.0.2.7", null)]
    [InlineData("/metrics", true, true, "192.0.2.7", null)]
    [InlineData("/healthz", true, true, "192.0.2.7", null)]
    [InlineData("/v1.0/users", true, true, "127.0.0.1", 404)]
    [InlineData("/", true, true, "127.0.0.1", 404)]
    public void Refusal_depends_on_the_listener_and_the_caller(string path, bool onMetricsListener, bool metricsListenerSet, string remote, int? status) =>
        Assert.Equal(status, MetricsExposure.Refusal(path, onMetricsListener, metricsListenerSet, IPAddress.Parse(remote)));
}
