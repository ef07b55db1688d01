namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>
/// The writable properties of an event, as a create or an update gives them: null means "not given" (an update
/// leaves the property as it is; a create takes Graph's default).
/// </summary>
internal sealed record EventFields
{
    public string? Subject { get; init; }
    public EventBody? Body { get; init; }
    public EventTime? Start { get; init; }
    public EventTime? End { get; init; }
    public bool? IsAllDay { get; init; }
    public string? LocationDisplayName { get; init; }
    public IReadOnlyList<NewAttendee>? Attendees { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public string? ShowAs { get; init; }
    public string? Importance { get; init; }
    public string? Sensitivity { get; init; }
    public bool? IsReminderOn { get; init; }
    public int? ReminderMinutesBeforeStart { get; init; }
    public bool? ResponseRequested { get; init; }
}

/// <summary>Graph's itemBody.</summary>
internal sealed record EventBody(string ContentType, string Content)
{
    public const string Text = "text";
    public const string Html = "html";
}

/// <summary>An attendee as a caller names one: address, optional name, and type.</summary>
internal sealed record NewAttendee(string Address, string? Name, string Type = "required");
