using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>Creates, changes, deletes and lists the events of a user's calendars.</summary>
internal sealed class CalendarEvents(GatehouseDb db, UserCalendars calendars, TimeProvider clock)
{
    /// <summary>Creates an event in <paramref name="calendarId"/>, or in the owner's default calendar when null.</summary>
    public async Task<Outcome<Event, DirectoryError>> CreateAsync(User owner, Guid? calendarId, EventFields fields, CancellationToken cancellationToken)
    {
        if (fields.Start is null || fields.End is null)
        {
            return DirectoryError.Invalid("An event needs a start and an end.");
        }

        if (EventRules.Check(fields) is { } broken)
        {
            return broken;
        }

        var calendar = calendarId is { } id
            ? await calendars.FindAsync(owner.TenantId, owner.Id, id, cancellationToken)
            : await calendars.DefaultAsync(owner.TenantId, owner.Id, cancellationToken);
        if (calendar is null)
        {
            return DirectoryError.NotFound($"Calendar {calendarId} was not found.");
        }

        var now = clock.StoreNow();
        var created = new Event
        {
            Id = Guid.NewGuid(),
            TenantId = owner.TenantId,
            CalendarId = calendar.Id,
            OwnerId = owner.Id,
            OrganizerName = owner.DisplayName,
            OrganizerAddress = owner.Mail ?? owner.UserPrincipalName,
            CreatedDateTime = now,
            ICalUId = OutlookKeys.NewICalUId(),
        };
        Apply(created, fields, now);
        if (EventRules.CheckWindow(created) is { } badWindow)
        {
            return badWindow;
        }

        db.Events.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    public Task<Event?> FindAsync(Guid tenantId, Guid ownerId, Guid eventId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.TenantId == tenantId && e.OwnerId == ownerId && e.Id == eventId, cancellationToken);

    /// <summary>Applies the given fields (a PATCH: the rest stay) and gives the event a new change key.</summary>
    public async Task<Outcome<Event, DirectoryError>> UpdateAsync(Guid tenantId, Guid ownerId, Guid eventId, EventFields changes, CancellationToken cancellationToken)
    {
        if (EventRules.Check(changes) is { } broken)
        {
            return broken;
        }

        var existing = await db.Events.FirstOrDefaultAsync(e => e.TenantId == tenantId && e.OwnerId == ownerId && e.Id == eventId, cancellationToken);
        if (existing is null)
        {
            return DirectoryError.NotFound($"Event {eventId} was not found.");
        }

        Apply(existing, changes, clock.StoreNow());
        if (EventRules.CheckWindow(existing) is { } badWindow)
        {
            return badWindow;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    public async Task<bool> DeleteAsync(Guid tenantId, Guid ownerId, Guid eventId, CancellationToken cancellationToken) =>
        await db.Events.Where(e => e.TenantId == tenantId && e.OwnerId == ownerId && e.Id == eventId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The owner's events, in every calendar or in one, for the caller to filter, order and page in the store.</summary>
    public IQueryable<Event> Of(Guid tenantId, Guid ownerId, Guid? calendarId = null)
    {
        var events = db.Events.AsNoTracking().Where(e => e.TenantId == tenantId && e.OwnerId == ownerId);
        return calendarId is { } id ? events.Where(e => e.CalendarId == id) : events;
    }

    /// <summary>
    /// calendarView: the events that overlap [<paramref name="start"/>, <paramref name="end"/>), ordered by start.
    /// An event of no duration counts when it happens inside the window.
    /// </summary>
    public IQueryable<Event> InWindow(Guid tenantId, Guid ownerId, Guid? calendarId, DateTimeOffset start, DateTimeOffset end) =>
        Of(tenantId, ownerId, calendarId)
            .Where(e => e.Start < end && (e.End > start || (e.End == e.Start && e.Start >= start)));

    private static void Apply(Event target, EventFields fields, DateTimeOffset now)
    {
        if (fields.Subject is { } subject)
        {
            target.Subject = subject;
        }

        if (fields.Body is { } body)
        {
            (target.BodyContentType, target.BodyContent) = (body.ContentType, body.Content);
        }

        if (fields.Start is { } start)
        {
            (target.Start, target.StartTimeZone) = (start.ToInstant()!.Value, start.TimeZone);
        }

        if (fields.End is { } end)
        {
            (target.End, target.EndTimeZone) = (end.ToInstant()!.Value, end.TimeZone);
        }

        target.IsAllDay = fields.IsAllDay ?? target.IsAllDay;
        target.LocationDisplayName = fields.LocationDisplayName ?? target.LocationDisplayName;
        if (fields.Attendees is { } attendees)
        {
            target.Attendees = [.. attendees.Select(a => new Attendee { Address = a.Address.Trim(), Name = a.Name, Type = a.Type })];
        }

        if (fields.Categories is { } categories)
        {
            target.Categories = [.. categories];
        }

        target.ShowAs = fields.ShowAs ?? target.ShowAs;
        target.Importance = fields.Importance ?? target.Importance;
        target.Sensitivity = fields.Sensitivity ?? target.Sensitivity;
        target.IsReminderOn = fields.IsReminderOn ?? target.IsReminderOn;
        target.ReminderMinutesBeforeStart = fields.ReminderMinutesBeforeStart ?? target.ReminderMinutesBeforeStart;
        target.ResponseRequested = fields.ResponseRequested ?? target.ResponseRequested;
        target.LastModifiedDateTime = now;
        target.ChangeKey = OutlookKeys.NewChangeKey();
    }
}
