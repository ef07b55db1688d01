using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>
/// Fills a tenant with sample people, groups and calendars, the same for the same seed and tenant: in one
/// transaction, in batches that the change tracker never holds more than one of.
/// </summary>
internal sealed class SampleDataSeed(GatehouseDb db, TimeProvider clock)
{
    private const int UserStream = 1;
    private const int GroupStream = 2;
    private const int EventStream = 3;
    private const int CalendarStream = 4;

    public async Task<Outcome<SeedSummary, DirectoryError>> SeedAsync(Tenant tenant, SeedRequest request, CancellationToken cancellationToken)
    {
        if (request.Check() is { } invalid)
        {
            return invalid;
        }

        var started = clock.GetTimestamp();
        var now = clock.StoreNow();
        var taken = (await db.Users.Where(u => u.TenantId == tenant.Id).Select(u => u.NormalizedUserPrincipalName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var users = SampleUsers.Make(request.Users, tenant.Id, tenant.DefaultDomain, taken, new SeededSequence(request.Seed, tenant.Id, UserStream), now);
        var chief = users.All[0].Id;
        if (await db.Users.AnyAsync(u => u.Id == chief, cancellationToken))
        {
            return DirectoryError.Conflict($"This tenant already holds the sample data of seed {request.Seed}.");
        }

        var groups = SampleGroups.Make(request.Groups, tenant.Id, users, new SeededSequence(request.Seed, tenant.Id, GroupStream), now);
        var members = groups.SelectMany(g => g.Members).ToList();
        var owners = groups.SelectMany(g => g.Owners).ToList();
        foreach (var group in groups)
        {
            (group.Members, group.Owners) = ([], []);
        }

        var events = new SampleEvents(users, new SeededSequence(request.Seed, tenant.Id, EventStream), now);
        var calendarKeys = new SeededSequence(request.Seed, tenant.Id, CalendarStream);

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.InsertInBatchesAsync(users.All, cancellationToken);
            await db.InsertInBatchesAsync(groups, cancellationToken);
            await db.InsertInBatchesAsync(members, cancellationToken);
            await db.InsertInBatchesAsync(owners, cancellationToken);
            if (request.EventsPerUser > 0)
            {
                await db.InsertInBatchesAsync(users.All.Select(u => UserCalendars.NewDefault(tenant.Id, u.Id, now, ChangeKey(calendarKeys))), cancellationToken);
                await db.InsertInBatchesAsync(users.All.SelectMany(u => events.For(u, request.EventsPerUser)), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new SeedSummary(
                tenant.Id,
                request.Seed,
                users.All.Count,
                users.All.Count(u => u.ManagerId is not null),
                groups.Count,
                members.Count,
                request.EventsPerUser > 0 ? users.All.Count : 0,
                users.All.Count * request.EventsPerUser,
                events.From,
                events.Until,
                clock.GetElapsedTime(started));
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    private static string ChangeKey(SeededSequence random)
    {
        Span<byte> key = stackalloc byte[16];
        random.Fill(key);
        return OutlookKeys.ChangeKey(key);
    }
}
