using System.Text;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.SampleData;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Tests.DirectoryObjects.SampleData;

/// <summary>The sample-data seed: the same seed makes the same tenant; people have managers, groups members, calendars events.</summary>
public sealed class SampleDataSeedTests
{
    private static readonly Guid TenantId = Guid.Parse("5e9d0c1a-7a1b-4c2d-9e3f-0a1b2c3d4e5f");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothStores]
    public async Task The_same_seed_makes_the_same_people_groups_and_events_and_another_seed_does_not(string kind)
    {
        using var first = TestStore.Create(kind);
        using var second = TestStore.Create(kind);
        using var third = TestStore.Create(kind);

        var one = await SeedAndDumpAsync(first, seed: 42);
        var again = await SeedAndDumpAsync(second, seed: 42);
        var other = await SeedAndDumpAsync(third, seed: 43);

        Assert.Equal(one, again);
        Assert.NotEqual(one, other);
    }

    [Theory]
    [BothStores]
    public async Task Everyone_but_the_chief_executive_has_a_manager_in_the_tenant_and_the_org_chart_has_no_cycle(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store, TenantId);
        var summary = await SeedAsync(harness, new SeedRequest(Users: 300, Groups: 20, EventsPerUser: 4, Seed: 7));

        var users = await harness.RunAsync(s => s.GetRequiredService<GatehouseDb>().Users.AsNoTracking()
            .Where(u => u.TenantId == TenantId).ToListAsync(Ct));
        var byId = users.ToDictionary(u => u.Id);

        Assert.Equal(300, summary.Users);
        Assert.Equal(299, summary.UsersWithManager);
        var chief = Assert.Single(users, u => u.ManagerId is null);
        Assert.Equal("Chief Executive Officer", chief.JobTitle);
        foreach (var user in users.Where(u => u.ManagerId is not null))
        {
            Assert.True(byId.ContainsKey(user.ManagerId!.Value), $"{user.UserPrincipalName}'s manager is not in the tenant.");
            Assert.False(string.IsNullOrEmpty(user.Department));
            Assert.False(string.IsNullOrEmpty(user.JobTitle));
            var steps = 0;
            for (var at = user; at.ManagerId is { } up; at = byId[up])
            {
                Assert.True(++steps < users.Count, $"{user.UserPrincipalName}'s chain of managers loops.");
            }
        }

        Assert.True(users.Select(u => u.Department).Distinct().Count() > 5);
        Assert.Equal(users.Count, users.Select(u => u.NormalizedUserPrincipalName).Distinct().Count());
        Assert.All(users, u => Assert.EndsWith("@harness.onmicrosoft.com", u.UserPrincipalName, StringComparison.Ordinal));
    }

    [Theory]
    [BothStores]
    public async Task Department_groups_hold_their_department_and_project_groups_hold_a_few_people_with_an_owner(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store, TenantId);
        var summary = await SeedAsync(harness, new SeedRequest(Users: 200, Groups: 30, EventsPerUser: 0, Seed: 3));

        var (users, groups, members, owners) = await harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GatehouseDb>();
            return (await db.Users.AsNoTracking().Where(u => u.TenantId == TenantId).ToListAsync(Ct),
                await db.Groups.AsNoTracking().Where(g => g.TenantId == TenantId).ToListAsync(Ct),
                await db.GroupMembers.AsNoTracking().ToListAsync(Ct),
                await db.GroupOwners.AsNoTracking().ToListAsync(Ct));
        });

        Assert.Equal(30, groups.Count);
        Assert.Equal(members.Count, summary.GroupMemberships);
        var userIds = users.Select(u => u.Id).ToHashSet();
        Assert.All(members, m => Assert.Contains(m.MemberId, userIds));
        var engineering = groups.Single(g => g.DisplayName == "Engineering");
        Assert.Equal(
            users.Where(u => u.Department == "Engineering").Select(u => u.Id).Order(),
            members.Where(m => m.GroupId == engineering.Id).Select(m => m.MemberId).Order());
        var departments = SampleVocabulary.Departments.Select(d => d.Name).ToHashSet();
        Assert.Equal(departments.Count, groups.Count(g => departments.Contains(g.DisplayName)));
        foreach (var project in groups.Where(g => !departments.Contains(g.DisplayName)))
        {
            var count = members.Count(m => m.GroupId == project.Id);
            Assert.InRange(count, 3, 25);
            var owner = Assert.Single(owners, o => o.GroupId == project.Id);
            Assert.Contains(members, m => m.GroupId == project.Id && m.MemberId == owner.OwnerId);
        }
    }

    [Theory]
    [BothStores]
    public async Task Events_fall_on_weekdays_in_the_weeks_around_today_and_invite_people_of_the_tenant(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store, TenantId);
        var summary = await SeedAsync(harness, new SeedRequest(Users: 50, Groups: 0, EventsPerUser: 12, Seed: 11));

        var (users, calendars, events) = await harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GatehouseDb>();
            return (await db.Users.AsNoTracking().Where(u => u.TenantId == TenantId).ToListAsync(Ct),
                await db.Calendars.AsNoTracking().ToListAsync(Ct),
                await db.Events.AsNoTracking().ToListAsync(Ct));
        });

        Assert.Equal(600, summary.Events);
        Assert.Equal(600, events.Count);
        Assert.All(users, u => Assert.Equal(12, events.Count(e => e.OwnerId == u.Id)));
        Assert.All(users, u => Assert.Single(calendars, c => c.OwnerId == u.Id && c.IsDefaultCalendar));
        var today = new DateTimeOffset(harness.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        Assert.Equal(today.AddDays(-14), summary.EventsFrom);
        Assert.Equal(today.AddDays(28), summary.EventsUntil);
        var addresses = users.Select(u => u.Mail).ToHashSet();
        foreach (var e in events)
        {
            Assert.InRange(e.Start, summary.EventsFrom.AddDays(-1), summary.EventsUntil.AddDays(1));
            Assert.True(e.End > e.Start);
            Assert.DoesNotContain(e.Start.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.All(e.Attendees, a => Assert.Contains(a.Address, addresses));
            Assert.Equal(users.Single(u => u.Id == e.OwnerId).Mail, e.OrganizerAddress);
        }

        Assert.Contains(events, e => e.IsAllDay);
        Assert.Contains(events, e => e.Attendees.Count > 0);
        Assert.Equal(events.Count, events.Select(e => e.ICalUId).Distinct().Count());
    }

    [Theory]
    [BothStores]
    public async Task Seeding_the_same_seed_twice_is_refused_and_adds_nothing_while_another_seed_adds_people_beside(string kind)
    {
        using var store = TestStore.Create(kind);
        await using var harness = await DirectoryHarness.CreateAsync(store, TenantId);
        await SeedAsync(harness, new SeedRequest(Users: 40, Groups: 5, EventsPerUser: 2, Seed: 5));

        var again = await harness.RunAsync(s => s.GetRequiredService<SampleDataSeed>().SeedAsync(harness.Tenant, new SeedRequest(40, 5, 2, 5), Ct));
        var counted = await CountUsersAsync(harness);
        var other = await SeedAsync(harness, new SeedRequest(Users: 40, Groups: 5, EventsPerUser: 2, Seed: 6));

        Assert.Equal(DirectoryErrorKind.Conflict, again.Error?.Kind);
        Assert.Equal(40, counted);
        Assert.Equal(40, other.Users);
        Assert.Equal(80, await CountUsersAsync(harness));
    }

    private static Task<int> CountUsersAsync(DirectoryHarness harness) =>
        harness.RunAsync(s => s.GetRequiredService<GatehouseDb>().Users.CountAsync(u => u.TenantId == TenantId, Ct));

    private static async Task<SeedSummary> SeedAsync(DirectoryHarness harness, SeedRequest request)
    {
        var seeded = await harness.RunAsync(s => s.GetRequiredService<SampleDataSeed>().SeedAsync(harness.Tenant, request, Ct));
        Assert.True(seeded.Succeeded, seeded.Error?.Message);
        return seeded.Value;
    }

    private static async Task<string> SeedAndDumpAsync(TestStore store, long seed)
    {
        await using var harness = await DirectoryHarness.CreateAsync(store, TenantId);
        await SeedAsync(harness, new SeedRequest(Users: 120, Groups: 16, EventsPerUser: 5, Seed: seed));
        return await harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GatehouseDb>();
            var dump = new StringBuilder();
            foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(Ct))
            {
                dump.AppendLine($"user {u.Id} {u.UserPrincipalName} {u.DisplayName} {u.Department} {u.JobTitle} {u.ManagerId}");
            }

            foreach (var g in await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(Ct))
            {
                dump.AppendLine($"group {g.Id} {g.DisplayName} {g.Visibility}");
            }

            foreach (var m in await db.GroupMembers.AsNoTracking().OrderBy(m => m.GroupId).ThenBy(m => m.MemberId).ToListAsync(Ct))
            {
                dump.AppendLine($"member {m.GroupId} {m.MemberId}");
            }

            foreach (var e in await db.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct))
            {
                dump.AppendLine($"event {e.Id} {e.OwnerId} {e.Subject} {e.Start:O} {e.End:O} {e.ShowAs} {e.LocationDisplayName} {e.ChangeKey} {e.ICalUId} "
                    + string.Join(",", e.Attendees.Select(a => $"{a.Address}/{a.Type}")) + " " + string.Join(",", e.Categories));
            }

            return dump.ToString();
        });
    }
}
