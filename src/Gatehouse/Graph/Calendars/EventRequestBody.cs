using System.Globalization;
using System.Text.Json;
using Gatehouse.DirectoryObjects.Calendars;

namespace Gatehouse.Graph.Calendars;

/// <summary>
/// Reads the writable properties of an event from a POST or PATCH body (Graph's event JSON); properties it does not
/// know, and read-only ones the SDK may echo, are ignored. A wrongly typed value is Outlook's 400, never a 500.
/// </summary>
internal static class EventRequestBody
{
    public const int MaximumBytes = 256 * 1024;

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];

    public static async Task<Outcome<EventFields, GraphError>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parsed = await JsonBody.ParseAsync(request, MaximumBytes, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error == JsonBodyProblem.TooLarge
                ? GraphErrors.OutlookInvalidRequest($"The body must be at most {MaximumBytes} bytes.")
                : GraphErrors.OutlookInvalidRequest("The body is not valid JSON.");
        }

        using var document = parsed.Value;
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? Read(document.RootElement)
            : GraphErrors.OutlookInvalidRequest("The body must be a JSON object.");
    }

    private static Outcome<EventFields, GraphError> Read(JsonElement body)
    {
        try
        {
            return new EventFields
            {
                Subject = String(body, "subject"),
                Body = Object(body, "body") is { } content
                    ? new EventBody((String(content, "contentType") ?? EventBody.Text).ToLowerInvariant(), String(content, "content") ?? "")
                    : null,
                Start = Time(body, "start"),
                End = Time(body, "end"),
                IsAllDay = Boolean(body, "isAllDay"),
                LocationDisplayName = Object(body, "location") is { } location ? String(location, "displayName") ?? "" : null,
                Attendees = Array(body, "attendees")?.Select(Attendee).ToList(),
                Categories = Array(body, "categories")?.Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : throw Wrong("categories")).ToList(),
                ShowAs = String(body, "showAs"),
                Importance = String(body, "importance"),
                Sensitivity = String(body, "sensitivity"),
                IsReminderOn = Boolean(body, "isReminderOn"),
                ReminderMinutesBeforeStart = Number(body, "reminderMinutesBeforeStart"),
                ResponseRequested = Boolean(body, "responseRequested"),
            };
        }
        catch (FormatException e)
        {
            return GraphErrors.OutlookInvalidRequest(e.Message);
        }
    }

    private static NewAttendee Attendee(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || Object(element, "emailAddress") is not { } email)
        {
            throw Wrong("attendees");
        }

        return new NewAttendee(String(email, "address") ?? "", String(email, "name"), String(element, "type") ?? "required");
    }

    /// <summary>Graph's dateTimeTimeZone: a wall-clock dateTime without offset, and a zone (UTC when left out).</summary>
    private static EventTime? Time(JsonElement body, string name)
    {
        if (Object(body, name) is not { } time)
        {
            return null;
        }

        var text = String(time, "dateTime") ?? throw new FormatException($"{name}.dateTime is required.");
        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            // A value with an offset names that wall-clock time; the zone still says where it is.
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                throw new FormatException($"'{text}' is not a valid {name}.dateTime.");
            }

            wallClock = withOffset.DateTime;
        }

        return new EventTime(wallClock, String(time, "timeZone") ?? EventTime.Utc);
    }

    private static JsonElement? Object(JsonElement body, string name) => Property(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => value,
        _ => throw Wrong(name),
    };

    private static IEnumerable<JsonElement>? Array(JsonElement body, string name) => Property(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } value => value.EnumerateArray(),
        _ => throw Wrong(name),
    };

    private static string? String(JsonElement body, string name) => Property(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Wrong(name),
    };

    private static bool? Boolean(JsonElement body, string name) => Property(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Wrong(name),
    };

    private static int? Number(JsonElement body, string name) => Property(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        _ => throw Wrong(name),
    };

    /// <summary>The property, or null when it is absent or JSON null (which leaves the value as it is).</summary>
    private static JsonElement? Property(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static FormatException Wrong(string name) => new($"The value of '{name}' has the wrong type.");
}
