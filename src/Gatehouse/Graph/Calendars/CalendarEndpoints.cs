using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;
using static Gatehouse.Graph.GraphPermission;

namespace Gatehouse.Graph.Calendars;

/// <summary>
/// Calendars and events of /me and /users/{id} (docs/protocol/graph-dataverse.md §2.8): the calendars, events in every
/// calendar or one, calendarView over a time window, and create (201), get, update (PATCH 200) and delete (204).
/// Route values are bound only from the route: /me has no {userId}, and a query string must not supply one.
/// </summary>
internal static class CalendarEndpoints
{
    private static readonly GraphOperation Read = new([CalendarsRead, CalendarsReadWrite], [CalendarsRead, CalendarsReadWrite]) { Outlook = true };
    private static readonly GraphOperation Write = new([CalendarsReadWrite], [CalendarsReadWrite]) { Outlook = true };

    public static void MapCalendars(this RouteGroupBuilder graph)
    {
        foreach (var mailbox in new[] { graph.MapGroup("/me"), graph.MapGroup("/users/{userId}") })
        {
            mailbox.MapGet("/calendar", GetDefaultCalendarAsync).Requires(Read);
            mailbox.MapGet("/calendars", ListCalendarsAsync).Requires(Read);
            mailbox.MapGet("/calendars/{calendarId}", GetCalendarAsync).Requires(Read);
            foreach (var events in new[] { mailbox, mailbox.MapGroup("/calendar"), mailbox.MapGroup("/calendars/{calendarId}") })
            {
                events.MapGet("/events", EventListing.ListAsync).Requires(Read);
                events.MapGet("/calendarView", EventListing.CalendarViewAsync).Requires(Read);
                events.MapPost("/events", EventChanges.CreateAsync).Requires(Write);
            }

            mailbox.MapGet("/events/{eventId}", EventChanges.GetAsync).Requires(Read);
            mailbox.MapPatch("/events/{eventId}", EventChanges.UpdateAsync).Requires(Write);
            mailbox.MapDelete("/events/{eventId}", EventChanges.DeleteAsync).Requires(Write);
        }
    }

    private static async Task<IResult> GetDefaultCalendarAsync(
        GraphRequest request, UserAccounts users, UserCalendars calendars, CancellationToken cancellationToken)
    {
        var mailbox = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (!mailbox.Succeeded)
        {
            return mailbox.Error;
        }

        var owner = mailbox.Value;
        var calendar = await calendars.DefaultAsync(owner.TenantId, owner.Id, cancellationToken);
        return GraphResponses.Entity(request, $"users('{owner.Id}')/calendar", CalendarResource.Write(calendar, owner));
    }

    private static async Task<IResult> GetCalendarAsync(
        string calendarId, GraphRequest request, UserAccounts users, UserCalendars calendars, CancellationToken cancellationToken)
    {
        var mailbox = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (!mailbox.Succeeded)
        {
            return mailbox.Error;
        }

        var owner = mailbox.Value;
        if (OutlookIds.Read(calendarId) is not { } id)
        {
            return GraphErrors.OutlookMalformedId();
        }

        return await calendars.FindAsync(owner.TenantId, owner.Id, id, cancellationToken) is { } calendar
            ? GraphResponses.Entity(request, $"users('{owner.Id}')/calendars", CalendarResource.Write(calendar, owner))
            : GraphErrors.OutlookNotFound();
    }

    private static async Task<IResult> ListCalendarsAsync(
        GraphRequest request, UserAccounts users, UserCalendars calendars, CancellationToken cancellationToken)
    {
        var mailbox = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (!mailbox.Succeeded)
        {
            return mailbox.Error;
        }

        var owner = mailbox.Value;
        var all = await (await calendars.ListAsync(owner.TenantId, owner.Id, cancellationToken)).ToListAsync(cancellationToken);
        var items = all.OrderByDescending(c => c.IsDefaultCalendar).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => CalendarResource.Write(c, owner));
        return GraphResponses.Collection(request, $"users('{owner.Id}')/calendars", items, null, null);
    }
}
