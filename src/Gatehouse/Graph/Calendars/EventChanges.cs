using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Graph.Calendars;

/// <summary>One event: create (201 + event), get, update (PATCH → 200 + event, as Outlook answers) and delete (204).</summary>
internal static class EventChanges
{
    public static async Task<IResult> CreateAsync(
        GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var (owner, refusal) = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        Guid? calendar = null;
        if (Mailbox.RouteValue(request, "calendarId") is { } calendarId)
        {
            calendar = OutlookIds.Read(calendarId);
            if (calendar is null)
            {
                return GraphErrors.OutlookMalformedId();
            }
        }

        var (fields, problem) = await EventRequestBody.ReadAsync(request.Context.Request, cancellationToken);
        if (fields is null)
        {
            return GraphErrors.OutlookInvalidRequest(problem!);
        }

        var created = await events.CreateAsync(owner, calendar, fields, cancellationToken);
        return created.Succeeded
            ? Respond(request, owner, created.Value, StatusCodes.Status201Created)
            : GraphErrors.Outlook(created.Error);
    }

    public static async Task<IResult> GetAsync(
        string eventId, GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var (owner, id, refusal) = await TargetAsync(request, users, eventId, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        var (select, error) = GraphQuery.Select(request, EventResource.Shape(PreferredTimeZone.Utc));
        if (error is not null)
        {
            return error;
        }

        return await events.FindAsync(owner.TenantId, owner.Id, id, cancellationToken) is { } found
            ? Respond(request, owner, found, StatusCodes.Status200OK, select)
            : GraphErrors.OutlookNotFound();
    }

    public static async Task<IResult> UpdateAsync(
        string eventId, GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var (owner, id, refusal) = await TargetAsync(request, users, eventId, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        var (fields, problem) = await EventRequestBody.ReadAsync(request.Context.Request, cancellationToken);
        if (fields is null)
        {
            return GraphErrors.OutlookInvalidRequest(problem!);
        }

        var updated = await events.UpdateAsync(owner.TenantId, owner.Id, id, fields, cancellationToken);
        return updated.Succeeded ? Respond(request, owner, updated.Value, StatusCodes.Status200OK) : GraphErrors.Outlook(updated.Error);
    }

    public static async Task<IResult> DeleteAsync(
        string eventId, GraphRequest request, UserAccounts users, CalendarEvents events, CancellationToken cancellationToken)
    {
        var (owner, id, refusal) = await TargetAsync(request, users, eventId, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        return await events.DeleteAsync(owner.TenantId, owner.Id, id, cancellationToken) ? Results.NoContent() : GraphErrors.OutlookNotFound();
    }

    /// <summary>The mailbox and the event ID a request names, or why it names none.</summary>
    private static async Task<(User? Owner, Guid EventId, IResult? Refusal)> TargetAsync(
        GraphRequest request, UserAccounts users, string eventId, CancellationToken cancellationToken)
    {
        var (owner, refusal) = await Mailbox.ResolveAsync(request, users, cancellationToken);
        if (owner is null)
        {
            return (null, default, refusal);
        }

        return OutlookIds.Read(eventId) is { } id ? (owner, id, null) : (null, default, GraphErrors.OutlookMalformedId());
    }

    private static IResult Respond(GraphRequest request, User owner, Event item, int status, IReadOnlyList<string>? select = null)
    {
        var zone = PreferredTimeZone.Of(request.Context.Request);
        zone.Report(request.Context.Response);
        return GraphResponses.Entity(request, $"users('{owner.Id}')/events", EventResource.Write(item, zone, select), select, status);
    }
}
