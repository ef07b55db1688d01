using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Calendars;

/// <summary>One event: create (201 + event), get, update (PATCH → 200 + event, as Outlook answers) and delete (204).</summary>
internal static class EventChanges
{
    public static async Task<IResult> CreateAsync(
        GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var mailbox = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (!mailbox.Succeeded)
        {
            return mailbox.Error;
        }

        var owner = mailbox.Value;
        Guid? calendar = null;
        if (Mailbox.RouteValue(request, "calendarId") is { } calendarId)
        {
            calendar = OutlookIds.Read(calendarId);
            if (calendar is null)
            {
                return GraphErrors.OutlookMalformedId();
            }
        }

        var fields = await EventRequestBody.ReadAsync(request.Context.Request, cancellationToken);
        if (!fields.Succeeded)
        {
            return fields.Error;
        }

        var created = await events.CreateAsync(owner, calendar, fields.Value, cancellationToken);
        return created.Succeeded
            ? Respond(request, owner, created.Value, StatusCodes.Status201Created)
            : GraphErrors.Outlook(created.Error);
    }

    public static async Task<IResult> GetAsync(
        string eventId, GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(request, users, eventId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error;
        }

        var read = GraphQuery.Read(request, EventResource.Shape(PreferredTimeZone.Utc));
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (owner, id) = target.Value;
        return await events.FindAsync(owner.TenantId, owner.Id, id, cancellationToken) is { } found
            ? Respond(request, owner, found, StatusCodes.Status200OK, read.Value.Select)
            : GraphErrors.OutlookNotFound();
    }

    public static async Task<IResult> UpdateAsync(
        string eventId, GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(request, users, eventId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error;
        }

        var fields = await EventRequestBody.ReadAsync(request.Context.Request, cancellationToken);
        if (!fields.Succeeded)
        {
            return fields.Error;
        }

        var (owner, id) = target.Value;
        var updated = await events.UpdateAsync(owner.TenantId, owner.Id, id, fields.Value, cancellationToken);
        return updated.Succeeded ? Respond(request, owner, updated.Value, StatusCodes.Status200OK) : GraphErrors.Outlook(updated.Error);
    }

    public static async Task<IResult> DeleteAsync(
        string eventId, GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(request, users, eventId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error;
        }

        var (owner, id) = target.Value;
        return await events.DeleteAsync(owner.TenantId, owner.Id, id, cancellationToken) ? Results.NoContent() : GraphErrors.OutlookNotFound();
    }

    /// <summary>The mailbox and the event ID a request names, or why it names none.</summary>
    private static async Task<Outcome<EventTarget, GraphError>> TargetAsync(
        GraphRequest request, UserAccounts users, string eventId, CancellationToken cancellationToken)
    {
        var mailbox = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (!mailbox.Succeeded)
        {
            return mailbox.Error;
        }

        return OutlookIds.Read(eventId) is { } id ? new EventTarget(mailbox.Value, id) : GraphErrors.OutlookMalformedId();
    }

    private static IResult Respond(GraphRequest request, User owner, Event item, int status, IReadOnlyList<string>? select = null)
    {
        var zone = PreferredTimeZone.Of(request.Context.Request);
        zone.Report(request.Context.Response);
        return GraphResponses.Entity(request, $"users('{owner.Id}')/events", EventResource.Write(item, zone, select), select, status);
    }

    /// <summary>The mailbox and the event ID a request names.</summary>
    private sealed record EventTarget(User Owner, Guid EventId);
}
