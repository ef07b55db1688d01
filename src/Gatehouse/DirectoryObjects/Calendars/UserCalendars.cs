using Gatehouse.Data;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>A user's calendars: the default one is made on first use.</summary>
internal sealed class UserCalendars(GatehouseDb db, TimeProvider clock)
{
    public async Task<Calendar> DefaultAsync(Guid tenantId, Guid ownerId, CancellationToken cancellationToken)
    {
        if (await FindDefaultAsync(tenantId, ownerId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var calendar = NewDefault(tenantId, ownerId, clock.StoreNow(), OutlookKeys.NewChangeKey());
        db.Calendars.Add(calendar);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return calendar;
        }
        catch (DbUpdateException)
        {
            // Another request made it first: its ID is the owner's, so there is still exactly one.
            db.Entry(calendar).State = EntityState.Detached;
            return await FindDefaultAsync(tenantId, ownerId, cancellationToken)
                ?? throw new InvalidOperationException($"The default calendar of {ownerId} could not be saved or read.");
        }
    }

    /// <summary>The owner's calendars, the default one first made if need be.</summary>
    public async Task<IQueryable<Calendar>> ListAsync(Guid tenantId, Guid ownerId, CancellationToken cancellationToken)
    {
        await DefaultAsync(tenantId, ownerId, cancellationToken);
        return db.Calendars.AsNoTracking().Where(c => c.TenantId == tenantId && c.OwnerId == ownerId);
    }

    public async Task<Calendar?> FindAsync(Guid tenantId, Guid ownerId, Guid calendarId, CancellationToken cancellationToken) =>
        calendarId == ownerId
            ? await DefaultAsync(tenantId, ownerId, cancellationToken)
            : await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId && c.OwnerId == ownerId && c.Id == calendarId, cancellationToken);

    /// <summary>A default calendar as it is first made (also by the sample-data seed).</summary>
    public static Calendar NewDefault(Guid tenantId, Guid ownerId, DateTimeOffset now, string changeKey) => new()
    {
        Id = ownerId,
        TenantId = tenantId,
        OwnerId = ownerId,
        IsDefaultCalendar = true,
        ChangeKey = changeKey,
        CreatedDateTime = now,
    };

    private Task<Calendar?> FindDefaultAsync(Guid tenantId, Guid ownerId, CancellationToken cancellationToken) =>
        db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.TenantId == tenantId && c.OwnerId == ownerId && c.Id == ownerId, cancellationToken);
}
