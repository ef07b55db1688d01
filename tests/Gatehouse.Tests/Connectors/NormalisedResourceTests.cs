using System.Text.Json;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Connectors;

/// <summary>office365's normalised resources: Cloud Elements' paging and time windows over this Gatehouse's Microsoft Graph.</summary>
public sealed class NormalisedResourceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [BothStores]
    public async Task An_event_created_through_the_instance_comes_back_in_its_time_window_and_in_the_calendars_events(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store);
        var (_, token) = await scenario.CreateDelegatedInstanceAsync(events: false);

        var (created, body) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/events", new
        {
            subject = "Review",
            start = new { dateTime = "2026-01-06T09:00:00", timeZone = "UTC" },
            end = new { dateTime = "2026-01-06T10:00:00", timeZone = "UTC" },
        }, token);
        Assert.True(created == 201, body.ToString());
        var eventId = body.GetProperty("id").GetString();

        var (status, inWindow) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/events?where=" + Where(Monday, Monday.AddDays(7)), instanceToken: token);
        Assert.Equal(200, status);
        var found = Assert.Single(inWindow.EnumerateArray());
        Assert.Equal(eventId, found.GetProperty("id").GetString());
        Assert.Equal("Review", found.GetProperty("subject").GetString());
        (status, var nextWeek) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/events?where=" + Where(Monday.AddDays(7), Monday.AddDays(14)), instanceToken: token);
        Assert.Equal(200, status);
        Assert.Equal(0, nextWeek.GetArrayLength());

        (status, var calendars) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/calendars", instanceToken: token);
        Assert.Equal(200, status);
        var calendar = Assert.Single(calendars.EnumerateArray(), c => c.GetProperty("isDefaultCalendar").GetBoolean()).GetProperty("id").GetString()!;
        (status, var calendarEvents) = await scenario.Hub.JsonAsync(HttpMethod.Get, $"/calendars/{Uri.EscapeDataString(calendar)}/events", instanceToken: token);
        Assert.Equal(200, status);
        Assert.Equal(eventId, Assert.Single(calendarEvents.EnumerateArray()).GetProperty("id").GetString());
        (status, var calendarWindow) = await scenario.Hub.JsonAsync(HttpMethod.Get,
            $"/calendars/{Uri.EscapeDataString(calendar)}/events?where=" + Where(Monday.AddDays(7), Monday.AddDays(14)), instanceToken: token);
        Assert.Equal(200, status);
        Assert.Equal(0, calendarWindow.GetArrayLength());

        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/events?where=" + Uri.EscapeDataString("subject = 'x'"), instanceToken: token)).Status);
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/events?where=" + Where(Monday, Monday), instanceToken: token)).Status);
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/calendars?where=" + Where(Monday, Monday.AddDays(7)), instanceToken: token)).Status);
        Assert.Equal(404, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/accounts", instanceToken: token)).Status);
    }

    [Theory]
    [BothStores]
    public async Task Users_page_with_pageSize_and_the_next_page_token_until_the_last_page(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store);
        var (_, token) = await scenario.CreateAppOnlyInstanceAsync();

        var pages = new List<List<string>>();
        var query = "/users?pageSize=1";
        while (true)
        {
            using var response = await scenario.Hub.SendAsync(HttpMethod.Get, query, instanceToken: token);
            Assert.Equal(200, (int)response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            pages.Add([.. page.EnumerateArray().Select(u => u.GetProperty("userPrincipalName").GetString()!)]);
            if (!response.Headers.TryGetValues("Elements-Next-Page-Token", out var next))
            {
                break;
            }

            Assert.True(pages.Count < 50, "The next page token never ran out.");
            query = $"/users?nextPage={Assert.Single(next)}";
        }

        Assert.True(pages.Count > 1);
        Assert.All(pages.SkipLast(1), page => Assert.Single(page));
        var upns = pages.SelectMany(p => p).ToList();
        Assert.Equal(upns.Count, upns.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(scenario.SignIn.Upn, upns, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/users?pageSize=0", instanceToken: token)).Status);
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/users?pageSize=1000", instanceToken: token)).Status);
        Assert.Equal(400, (await scenario.Hub.JsonAsync(HttpMethod.Get, "/users?nextPage=aHR0cHM6Ly9ldmlsLmV4YW1wbGUv", instanceToken: token)).Status);
    }

    [Fact]
    public async Task A_provider_refusal_comes_back_with_its_status_and_the_providers_message()
    {
        // A stand-in: this Gatehouse's Graph serves no contacts, so it cannot give Graph's 404 for one.
        await using var scenario = await HubScenario.StartAsync("sqlite", new Dictionary<string, string> { ["GATEHOUSE_HUB_GRAPH_URL"] = "provider" },
            _ => (404, "{\"error\":{\"code\":\"ResourceNotFound\"}}", null));
        var (_, token) = await scenario.CreateDelegatedInstanceAsync(events: false);

        var (missing, error) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/contacts", instanceToken: token);

        Assert.Equal(404, missing);
        Assert.Contains("ResourceNotFound", error.GetProperty("providerMessage").GetString(), StringComparison.Ordinal);
        Assert.Single(scenario.Provider.Received, r => r.Path == "/v1.0/me/contacts?$top=100");
    }

    private static string Where(DateTimeOffset start, DateTimeOffset end) =>
        Uri.EscapeDataString($"startDate >= '{start:yyyy-MM-ddTHH:mm:ssZ}' and endDate <= '{end:yyyy-MM-ddTHH:mm:ssZ}'");
}
