using System.Globalization;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>
/// A working week's events for sample people, spread over the weeks around today: meetings with their manager and
/// colleagues on weekdays in working hours, some all-day events, some time alone.
/// </summary>
internal sealed class SampleEvents(SampleUsers users, SeededSequence random, DateTimeOffset now)
{
    public const int DaysBefore = 14;
    public const int DaysAfter = 28;

    private static readonly int[] Durations = [30, 30, 60, 60, 60, 90, 120];

    private readonly Dictionary<Guid, User> byId = users.All.ToDictionary(u => u.Id);

    /// <summary>Midnight UTC of today: the middle of the events' span.</summary>
    public DateTimeOffset Today { get; } = new(now.UtcDateTime.Date, TimeSpan.Zero);

    public DateTimeOffset From => Today.AddDays(-DaysBefore);

    public DateTimeOffset Until => Today.AddDays(DaysAfter);

    public IEnumerable<Event> For(User owner, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return One(owner);
        }
    }

    private Event One(User owner)
    {
        var day = Weekday(Today.AddDays(random.Below(DaysBefore + DaysAfter) - DaysBefore));
        var allDay = random.Chance(5);
        var start = allDay ? day : day.AddHours(random.Between(8, 16)).AddMinutes(random.Chance(50) ? 30 : 0);
        var end = allDay ? day.AddDays(1) : start.AddMinutes(random.Pick(Durations));
        List<User> colleagues = allDay ? [] : Colleagues(owner);
        var subject = allDay ? random.Pick(SampleVocabulary.AllDayEvents) : Subject(owner, colleagues);
        Span<byte> keys = stackalloc byte[32];
        random.Fill(keys);
        return new Event
        {
            Id = random.NextGuid(),
            TenantId = owner.TenantId,
            CalendarId = owner.Id,
            OwnerId = owner.Id,
            Subject = subject,
            BodyContent = colleagues.Count == 0 ? "" : $"Agenda: {subject}.",
            Start = start,
            End = end,
            IsAllDay = allDay,
            ShowAs = allDay ? (subject == "Out of office" ? "oof" : "free") : random.Chance(10) ? "tentative" : "busy",
            LocationDisplayName = allDay ? null : Room(),
            OrganizerName = owner.DisplayName,
            OrganizerAddress = owner.Mail,
            Attendees = [.. colleagues.Select(c => new Attendee { Name = c.DisplayName, Address = c.Mail ?? c.UserPrincipalName, Type = random.Chance(20) ? "optional" : "required" })],
            Categories = random.Chance(15) ? [random.Pick(SampleVocabulary.Categories)] : [],
            CreatedDateTime = now,
            LastModifiedDateTime = now,
            ChangeKey = OutlookKeys.ChangeKey(keys[..16]),
            ICalUId = OutlookKeys.ICalUId(keys[16..]),
        };
    }

    private static DateTimeOffset Weekday(DateTimeOffset day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private List<User> Colleagues(User owner)
    {
        var colleagues = new List<User>();
        if (owner.ManagerId is { } managerId && random.Chance(30))
        {
            colleagues.Add(byId[managerId]);
        }

        if (owner.Department is { } department && users.ByDepartment.TryGetValue(department, out var team) && team.Count > 1)
        {
            for (var n = random.Below(4); n > 0; n--)
            {
                var colleague = random.Pick(team);
                if (colleague.Id != owner.Id && !colleagues.Contains(colleague))
                {
                    colleagues.Add(colleague);
                }
            }
        }

        return colleagues;
    }

    private string Subject(User owner, List<User> colleagues) =>
        colleagues switch
        {
            [] => random.Chance(50) ? "Focus time" : "Prepare " + random.Pick(SampleVocabulary.Customers) + " proposal",
            [var one] when one.Id == owner.ManagerId => $"1:1 with {one.GivenName}",
            [var one] => $"Catch-up with {one.GivenName}",
            _ when random.Chance(20) => $"Customer call: {random.Pick(SampleVocabulary.Customers)}",
            _ => string.Format(CultureInfo.InvariantCulture, random.Pick(SampleVocabulary.Meetings), owner.Department),
        };

    private string Room() => string.Format(
        CultureInfo.InvariantCulture, random.Pick(SampleVocabulary.Rooms), $"{random.Between(1, 5)}.{random.Between(1, 30):D2}");
}
