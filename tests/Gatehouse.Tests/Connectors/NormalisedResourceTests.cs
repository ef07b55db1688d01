using System.Text.Json;

namespace Gatehouse.Tests.Connectors;

/// <summary>office365's normalised resources: Cloud Elements' paging and time windows over Microsoft Graph's OData.</summary>
public sealed class NormalisedResourceTests
{
    [Fact]
    public async Task Lists_page_with_pageSize_and_the_next_page_token_and_events_take_a_time_window()
    {
        string? graph = null;
        await using var scenario = await HubScenario.StartAsync("sqlite", new Dictionary<string, string> { ["GATEHOUSE_HUB_GRAPH_URL"] = "provider" }, request =>
            request.Path switch
            {
                "/v1.0/users?$top=2" => (200, JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["value"] = new[] { new { id = "1" }, new { id = "2" } },
                    ["@odata.nextLink"] = graph + "v1.0/users?$top=2&$skiptoken=abc",
                }), null),
                "/v1.0/users?$top=2&$skiptoken=abc" => (200, "{\"value\":[{\"id\":\"3\"}]}", null),
                var path when path.StartsWith("/v1.0/me/calendarView?", StringComparison.Ordinal) => (200, "{\"value\":[{\"subject\":\"Standup\"}]}", null),
                "/v1.0/me/events" => (201, request.Body, null),
                _ => (404, "{\"error\":{\"code\":\"ResourceNotFound\"}}", null),
            });
        graph = scenario.Provider.Url;
        var (_, token) = await scenario.CreateDelegatedInstanceAsync(events: false);

        using var first = await scenario.Hub.SendAsync(HttpMethod.Get, "/users?pageSize=2", instanceToken: token);
        Assert.Equal(200, (int)first.StatusCode);
        var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(["1", "2"], page.EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        var next = Assert.Single(first.Headers.GetValues("Elements-Next-Page-Token"));

        using var second = await scenario.Hub.SendAsync(HttpMethod.Get, $"/users?nextPage={next}", instanceToken: token);
        Assert.Equal("[{\"id\":\"3\"}]", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(second.Headers.Contains("Elements-Next-Page-Token"));

        var (status, events) = await scenario.Hub.JsonAsync(HttpMethod.Get,
            "/events?where=" + Uri.EscapeDataString("startDate >= '2026-01-05T00:00:00Z' and endDate <= '2026-01-12T00:00:00Z'"), instanceToken: token);
        Assert.Equal(200, status);
        Assert.Equal("Standup", Assert.Single(events.EnumerateArray()).GetProperty("subject").GetString());
        var window = Assert.Single(scenario.Provider.Received, r => r.Path.StartsWith("/v1.0/me/calendarView", StringComparison.Ordinal));
        Assert.Contains("startDateTime=2026-01-05T00%3A00%3A00.0000000%2B00%3A00", window.Path, StringComparison.Ordinal);

        var (created, body) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/events", new { subject = "Review" }, token);
        Assert.Equal(201, created);
        Assert.Equal("Review", body.GetProperty("subject").GetString());

        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/events?where=" + Uri.EscapeDataString("subject = 'x'"), instanceToken: token)).Status);
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/users?pageSize=0", instanceToken: token)).Status);
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/users?nextPage=aHR0cHM6Ly9ldmlsLmV4YW1wbGUv", instanceToken: token)).Status);
        Assert.Equal(404, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/accounts", instanceToken: token)).Status);
        var (missing, error) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/contacts", instanceToken: token);
        Assert.Equal(404, missing);
        Assert.Contains("ResourceNotFound", error.GetProperty("providerMessage").GetString(), StringComparison.Ordinal);
    }
}
