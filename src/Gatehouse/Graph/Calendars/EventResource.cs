using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.DirectoryObjects.Calendars;
using Gatehouse.OData;

namespace Gatehouse.Graph.Calendars;

/// <summary>
/// The event resource (docs/protocol/graph-dataverse.md §2.8): its JSON in Graph's order, with start and end in the
/// preferred zone, and what $filter and $orderby may use. Every event here is a single instance its owner organises.
/// </summary>
internal static partial class EventResource
{
    public const int DefaultPageSize = 10;
    public const int PreviewLength = 255;

    private const FilterOperations Text = FilterOperations.Equals | FilterOperations.NotEquals | FilterOperations.In
        | FilterOperations.StartsWith | FilterOperations.EndsWith | FilterOperations.Contains | FilterOperations.Null;

    private const FilterOperations Moment = FilterOperations.Equals | FilterOperations.NotEquals | FilterOperations.Range;

    private static readonly GraphShape<Event> UtcShape = ShapeIn(PreferredTimeZone.Utc);

    public static QueryMap<Event> Query { get; } = new QueryMap<Event>("Event", e => e.Id)
        .Text("subject", e => e.Subject, Text, sorting: Sorting.Default)
        .Property("isAllDay", e => e.IsAllDay, FilterOperations.Equals | FilterOperations.NotEquals)
        .Property("isCancelled", e => e.IsCancelled, FilterOperations.Equals | FilterOperations.NotEquals)
        .Text("showAs", e => e.ShowAs, FilterOperations.Equals | FilterOperations.NotEquals | FilterOperations.In, sorting: Sorting.Default)
        .Text("importance", e => e.Importance, FilterOperations.Equals | FilterOperations.NotEquals | FilterOperations.In, sorting: Sorting.Default)
        .Text("sensitivity", e => e.Sensitivity, FilterOperations.Equals | FilterOperations.NotEquals | FilterOperations.In, sorting: Sorting.Default)
        .Property("createdDateTime", e => e.CreatedDateTime, Moment, sorting: Sorting.Default)
        .Property("lastModifiedDateTime", e => e.LastModifiedDateTime, Moment, sorting: Sorting.Default)
        .Property("start/dateTime", e => e.Start, FilterOperations.None, sorting: Sorting.Default)
        .Property("end/dateTime", e => e.End, FilterOperations.None, sorting: Sorting.Default)
        .Collection("categories", e => e.Categories, FilterOperations.Any | FilterOperations.Equals);

    public static GraphShape<Event> Shape(PreferredTimeZone zone) => zone.Applied ? ShapeIn(zone) : UtcShape;

    /// <summary>An event's JSON: @odata.etag first, and its id whatever $select says (Graph returns both always).</summary>
    public static JsonObject Write(Event item, PreferredTimeZone zone, IReadOnlyList<string>? select)
    {
        var body = new JsonObject { ["@odata.etag"] = ETag(item), ["id"] = OutlookIds.Write(item.Id) };
        foreach (var (name, value) in Shape(zone).Write(item, select).ToList())
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }

    public static string ETag(Event item) => $"W/\"{item.ChangeKey}\"";

    /// <summary>Outlook's form of an instant: UTC with seven decimals.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static GraphShape<Event> ShapeIn(PreferredTimeZone zone) => new GraphShape<Event>("event")
        .Add("createdDateTime", e => Instant(e.CreatedDateTime))
        .Add("lastModifiedDateTime", e => Instant(e.LastModifiedDateTime))
        .Add("changeKey", e => e.ChangeKey)
        .Add("categories", e => e.Categories)
        .Add("transactionId", _ => null)
        .Add("originalStartTimeZone", e => e.StartTimeZone)
        .Add("originalEndTimeZone", e => e.EndTimeZone)
        .Add("iCalUId", e => e.ICalUId)
        .Add("uid", e => e.ICalUId)
        .Add("reminderMinutesBeforeStart", e => e.ReminderMinutesBeforeStart)
        .Add("isReminderOn", e => e.IsReminderOn)
        .Add("hasAttachments", _ => false)
        .Add("subject", e => e.Subject)
        .Add("bodyPreview", e => Preview(e))
        .Add("importance", e => e.Importance)
        .Add("sensitivity", e => e.Sensitivity)
        .Add("isAllDay", e => e.IsAllDay)
        .Add("isCancelled", e => e.IsCancelled)
        .Add("isOrganizer", _ => true)
        .Add("responseRequested", e => e.ResponseRequested)
        .Add("seriesMasterId", _ => null)
        .Add("showAs", e => e.ShowAs)
        .Add("type", _ => "singleInstance")
        .Add("webLink", _ => null)
        .Add("onlineMeetingUrl", _ => null)
        .Add("isOnlineMeeting", _ => false)
        .Add("onlineMeetingProvider", _ => "unknown")
        .Add("allowNewTimeProposals", _ => true)
        .Add("isDraft", _ => false)
        .Add("hideAttendees", _ => false)
        .Add("recurrence", _ => null)
        .Add("responseStatus", _ => new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" })
        .Add("body", e => new JsonObject { ["contentType"] = e.BodyContentType, ["content"] = e.BodyContent })
        .Add("start", e => Time(e.Start, zone))
        .Add("end", e => Time(e.End, zone))
        .Add("location", e => Location(e.LocationDisplayName))
        .Add("locations", e => e.LocationDisplayName is null ? new JsonArray() : new JsonArray(Location(e.LocationDisplayName)))
        .Add("attendees", e => new JsonArray([.. e.Attendees.Select(Attendee)]))
        .Add("organizer", e => new JsonObject { ["emailAddress"] = Address(e.OrganizerName, e.OrganizerAddress) });

    private static JsonObject Time(DateTimeOffset instant, PreferredTimeZone zone) => new()
    {
        ["dateTime"] = EventTime.InZone(instant, zone.Zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = zone.Name,
    };

    private static JsonObject Location(string? displayName) => new()
    {
        ["displayName"] = displayName ?? "",
        ["locationType"] = "default",
        ["uniqueIdType"] = displayName is null ? "unknown" : "private",
    };

    private static JsonObject Attendee(Attendee attendee) => new()
    {
        ["type"] = attendee.Type,
        ["status"] = new JsonObject { ["response"] = attendee.Response, ["time"] = "0001-01-01T00:00:00Z" },
        ["emailAddress"] = Address(attendee.Name, attendee.Address),
    };

    private static JsonObject Address(string? name, string? address) => new() { ["name"] = name ?? address, ["address"] = address };

    private static string Preview(Event e)
    {
        var text = e.BodyContentType == EventBody.Html ? Tags().Replace(e.BodyContent, " ") : e.BodyContent;
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= PreviewLength ? text : text[..PreviewLength];
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
