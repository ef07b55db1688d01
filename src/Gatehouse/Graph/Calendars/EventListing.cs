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
        var (owner, refusal) = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        var (calendar, badId) = Calendar(Mailbox.RouteValue(request, "calendarId"), owner);
        return badId ?? await PageAsync(request, events.Of(owner.TenantId, owner.Id, calendar), $"users('{owner.Id}')/events", cancellationToken);
    }

    /// <summary>Both ends of the window are required; a value without an offset is UTC (reference/graph-dataverse.md §2.8).</summary>
    public static async Task<IResult> CalendarViewAsync(
        GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var query = request.Context.Request.Query;
        if (Instant(query, "startDateTime") is not { } start || Instant(query, "endDateTime") is not { } end)
        {
            return GraphErrors.OutlookTimeWindowRequired();
        }

        var (owner, refusal) = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        var (calendar, badId) = Calendar(Mailbox.RouteValue(request, "calendarId"), owner);
        return badId ?? await PageAsync(request, events.InWindow(owner.TenantId, owner.Id, calendar, start, end), $"users('{owner.Id}')/calendarView", cancellationToken);
    }

    private static async Task<IResult> PageAsync(GraphRequest request, IQueryable<Event> source, string contextPath, CancellationToken cancellationToken)
    {
        var zone = PreferredTimeZone.Of(request.Context.Request);
        zone.Report(request.Context.Response);
        return await GraphQuery.ListItemsAsync(
            request, source, EventResource.Query, EventResource.Shape(zone), contextPath, EventResource.DefaultPageSize, DefaultOrder,
            (item, select) => EventResource.Write(item, zone, select), cancellationToken);
    }

    private static (Guid? Calendar, IResult? BadId) Calendar(string? calendarId, User owner) =>
        calendarId is null ? (null, null)
        : OutlookIds.Read(calendarId) is { } id ? (id, null)
        : (owner.Id, GraphErrors.OutlookMalformedId());

    private static DateTimeOffset? Instant(IQueryCollection query, string name)
    {
        var text = query.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
    }
}
