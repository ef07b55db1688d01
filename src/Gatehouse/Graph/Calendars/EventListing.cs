using System.Globalization;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Calendars;

/// <summary>GET …/events and …/calendarView: a page of the mailbox's events, in the store, by the shared OData options.</summary>
internal static class EventListing
{
    /// <summary>Chronological unless $orderby says otherwise.</summary>
    public const string DefaultOrder = "start/dateTime";

    public static async Task<IResult> ListAsync(
        GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(request, users, cancellationToken);
        if (!scope.Succeeded)
        {
            return scope.Error;
        }

        var (owner, calendar) = scope.Value;
        return await PageAsync(request, events.Of(owner.TenantId, owner.Id, calendar), $"users('{owner.Id}')/events", cancellationToken);
    }

    /// <summary>Both ends of the window are required; a value without an offset is UTC (docs/protocol/graph-dataverse.md §2.8).</summary>
    public static async Task<IResult> CalendarViewAsync(
        GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var query = request.Context.Request.Query;
        if (Instant(query, "startDateTime") is not { } start || Instant(query, "endDateTime") is not { } end)
        {
            return GraphErrors.OutlookTimeWindowRequired();
        }

        var scope = await ScopeAsync(request, users, cancellationToken);
        if (!scope.Succeeded)
        {
            return scope.Error;
        }

        var (owner, calendar) = scope.Value;
        return await PageAsync(request, events.InWindow(owner.TenantId, owner.Id, calendar, start, end), $"users('{owner.Id}')/calendarView", cancellationToken);
    }

    private static async Task<IResult> PageAsync(GraphRequest request, IQueryable<Event> source, string contextPath, CancellationToken cancellationToken)
    {
        var zone = PreferredTimeZone.Of(request.Context.Request);
        zone.Report(request.Context.Response);
        return await GraphQuery.ListItemsAsync(
            request, source, EventResource.Query, EventResource.Shape(zone), contextPath, EventResource.DefaultPageSize, DefaultOrder,
            (item, select) => EventResource.Write(item, zone, select), cancellationToken);
    }

    /// <summary>The mailbox, and the calendar the route names (every calendar of the mailbox when it names none).</summary>
    private static async Task<Outcome<EventScope, GraphError>> ScopeAsync(GraphRequest request, UserAccounts users, CancellationToken cancellationToken)
    {
        var mailbox = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (!mailbox.Succeeded)
        {
            return mailbox.Error;
        }

        return Mailbox.RouteValue(request, "calendarId") is not { } calendarId ? new EventScope(mailbox.Value, null)
            : OutlookIds.Read(calendarId) is { } id ? new EventScope(mailbox.Value, id)
            : GraphErrors.OutlookMalformedId();
    }

    private static DateTimeOffset? Instant(IQueryCollection query, string name)
    {
        var text = query.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
    }

    /// <summary>Whose events, and in which calendar (null: in all of them).</summary>
    private sealed record EventScope(User Owner, Guid? CalendarId);
}
