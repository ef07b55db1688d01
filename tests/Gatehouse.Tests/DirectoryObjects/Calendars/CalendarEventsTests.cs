using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.Calendars;

/// <summary>Events in a user's calendar: wall-clock times in their zones, the calendarView window, updates and deletes.</summary>
public sealed class CalendarEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task An_event_in_a_windows_time_zone_is_stored_as_its_instant_and_found_by_the_windows_it_overlaps(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var owner = await CreateUserAsync(harness, "megan@harness.onmicrosoft.com");

        // 12:00 on 15 April 2026 in Seattle is 19:00 UTC (daylight saving time, UTC-7).
        var created = await CreateAsync(harness, owner, new EventFields
        {
            Subject = "Lunch",
            Start = new EventTime(new DateTime(2026, 4, 15, 12, 0, 0), "Pacific Standard Time"),
            End = new EventTime(new DateTime(2026, 4, 15, 14, 0, 0), "Pacific Standard Time"),
            Attendees = [new NewAttendee("samantha@harness.onmicrosoft.com", "Samantha Booth")],
        });

        Assert.Equal(new DateTimeOffset(2026, 4, 15, 19, 0, 0, TimeSpan.Zero), created.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 21, 0, 0, TimeSpan.Zero), created.End);
        Assert.Equal(owner.Id, created.CalendarId);
        Assert.Equal("megan@harness.onmicrosoft.com", created.OrganizerAddress);
        Assert.Equal(1, await InWindowAsync(harness, owner, "2026-04-15T20:59:59Z", "2026-04-16T00:00:00Z"));
        Assert.Equal(1, await InWindowAsync(harness, owner, "2026-04-15T00:00:00Z", "2026-04-15T19:00:01Z"));
        Assert.Equal(0, await InWindowAsync(harness, owner, "2026-04-15T21:00:00Z", "2026-04-16T00:00:00Z"));
        Assert.Equal(0, await InWindowAsync(harness, owner, "2026-04-15T00:00:00Z", "2026-04-15T19:00:00Z"));
        var stored = await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>().FindAsync(harness.Tenant.Id, owner.Id, created.Id, Ct));
        Assert.Equal("Samantha Booth", Assert.Single(stored!.Attendees).Name);
    }

    [Theory]
    [BothStores]
    public async Task An_update_changes_only_what_it_names_and_the_change_key_and_a_delete_removes_the_event(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var owner = await CreateUserAsync(harness, "adele@harness.onmicrosoft.com");
        var created = await CreateAsync(harness, owner, new EventFields
        {
            Subject = "Planning",
            Start = new EventTime(new DateTime(2026, 11, 3, 9, 0, 0), "UTC"),
            End = new EventTime(new DateTime(2026, 11, 3, 10, 0, 0), "UTC"),
            LocationDisplayName = "Room 1",
        });
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>()
            .UpdateAsync(harness.Tenant.Id, owner.Id, created.Id, new EventFields { Subject = "Planning (moved)", ShowAs = "tentative" }, Ct));
        var stranger = await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>()
            .UpdateAsync(harness.Tenant.Id, Guid.NewGuid(), created.Id, new EventFields { Subject = "Not mine" }, Ct));

        Assert.True(updated.Succeeded, updated.Error?.Message);
        Assert.Equal("Planning (moved)", updated.Value.Subject);
        Assert.Equal("tentative", updated.Value.ShowAs);
        Assert.Equal("Room 1", updated.Value.LocationDisplayName);
        Assert.Equal(created.Start, updated.Value.Start);
        Assert.NotEqual(created.ChangeKey, updated.Value.ChangeKey);
        Assert.Equal(created.LastModifiedDateTime.AddMinutes(5), updated.Value.LastModifiedDateTime);
        Assert.Equal(DirectoryErrorKind.NotFound, stranger.Error?.Kind);
        Assert.False(await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>().DeleteAsync(harness.Tenant.Id, Guid.NewGuid(), created.Id, Ct)));
        Assert.True(await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>().DeleteAsync(harness.Tenant.Id, owner.Id, created.Id, Ct)));
        Assert.Null(await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>().FindAsync(harness.Tenant.Id, owner.Id, created.Id, Ct)));
    }

    [Theory]
    [BothStores]
    public async Task Events_that_break_a_rule_are_refused_and_nothing_is_stored(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store);
        var owner = await CreateUserAsync(harness, "lynne@harness.onmicrosoft.com");
        EventTime At(int hour, string zone = "UTC") => new(new DateTime(2026, 3, 29, hour, 0, 0), zone);
        EventFields[] refused =
        [
            new() { Subject = "No end", Start = At(9) },
            new() { Start = At(10), End = At(9) },
            new() { Start = At(9, "Mars Standard Time"), End = At(10) },
            // 02:00 on 29 March 2026 does not happen in Berlin: the clocks go from 02:00 to 03:00.
            new() { Start = At(2, "W. Europe Standard Time"), End = At(4, "W. Europe Standard Time") },
            new() { Start = At(9), End = At(10), IsAllDay = true },
            new() { Start = At(9), End = At(10), ShowAs = "away" },
            new() { Start = At(9), End = At(10), Subject = new string('s', 256) },
            new() { Start = At(9), End = At(10), Attendees = [new NewAttendee("not-an-address", null)] },
            new() { Start = At(9), End = At(10), Body = new EventBody("markdown", "**hi**") },
        ];

        foreach (var fields in refused)
        {
            var outcome = await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>().CreateAsync(owner, null, fields, Ct));
            Assert.True(outcome.Error?.Kind == DirectoryErrorKind.InvalidValue, $"{fields} was not refused as invalid: {outcome.Error}");
        }

        var allDay = await CreateAsync(harness, owner, new EventFields { Start = At(0, "Europe/Berlin") with { DateTime = new DateTime(2026, 3, 30) }, End = At(0, "Europe/Berlin") with { DateTime = new DateTime(2026, 3, 31) }, IsAllDay = true });
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), allDay.Start);
        Assert.Equal(1, await harness.RunAsync(s => s.GetRequiredService<GatehouseDb>().Events.CountAsync(Ct)));
    }

    private static async Task<Event> CreateAsync(DirectoryHarness harness, User owner, EventFields fields)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<CalendarEvents>().CreateAsync(owner, null, fields, Ct));
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    private static Task<int> InWindowAsync(DirectoryHarness harness, User owner, string start, string end) =>
        harness.RunAsync(s => s.GetRequiredService<CalendarEvents>()
            .InWindow(harness.Tenant.Id, owner.Id, null, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture))
            .CountAsync(Ct));

    private static async Task<User> CreateUserAsync(DirectoryHarness harness, string upn)
    {
        var created = await harness.RunAsync(s => s.GetRequiredService<UserAccounts>()
            .CreateAsync(harness.Tenant.Id, new NewUser(upn, "Cal3ndar-Passw0rd-1", Mail: upn), Ct));
        return created.Value!;
    }
}
