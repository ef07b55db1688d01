namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>What an event must satisfy once a create or update is applied (Graph's event resource, v1.0).</summary>
internal static class EventRules
{
    public const int MaximumAttendees = 500;
    public const int MaximumCategories = 50;
    public const int MaximumReminderMinutes = 4 * 7 * 24 * 60;

    private static readonly string[] ShowAsValues = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"];
    private static readonly string[] ImportanceValues = ["low", "normal", "high"];
    private static readonly string[] SensitivityValues = ["normal", "personal", "private", "confidential"];
    private static readonly string[] AttendeeTypes = ["required", "optional", "resource"];

    /// <summary>The first rule the fields break, or null.</summary>
    public static DirectoryError? Check(EventFields fields) =>
        Subject(fields) ?? Body(fields) ?? Zones(fields) ?? OneOf("showAs", fields.ShowAs, ShowAsValues)
        ?? OneOf("importance", fields.Importance, ImportanceValues) ?? OneOf("sensitivity", fields.Sensitivity, SensitivityValues)
        ?? Location(fields) ?? Attendees(fields) ?? Categories(fields) ?? Reminder(fields);

    /// <summary>Rules on the event as it would be saved: the window, and all-day events at whole days.</summary>
    public static DirectoryError? CheckWindow(Event candidate)
    {
        if (candidate.End < candidate.Start)
        {
            return DirectoryError.Invalid("The end of an event cannot be before its start.");
        }

        if (!candidate.IsAllDay)
        {
            return null;
        }

        // Graph: an all-day event starts and ends at midnight, in one time zone, and lasts whole days.
        var zone = EventTime.FindZone(candidate.StartTimeZone)!;
        var start = EventTime.InZone(candidate.Start, zone);
        var end = EventTime.InZone(candidate.End, zone);
        return !string.Equals(candidate.StartTimeZone, candidate.EndTimeZone, StringComparison.OrdinalIgnoreCase)
            || start.TimeOfDay != TimeSpan.Zero || end.TimeOfDay != TimeSpan.Zero || end <= start
            ? DirectoryError.Invalid("An all-day event must start and end at midnight in the same time zone and last whole days.")
            : null;
    }

    private static DirectoryError? Subject(EventFields fields) =>
        fields.Subject is { Length: > Event.MaximumSubjectLength }
            ? DirectoryError.Invalid($"The subject must be at most {Event.MaximumSubjectLength} characters.")
            : null;

    private static DirectoryError? Body(EventFields fields) => fields.Body switch
    {
        null => null,
        { ContentType: not (EventBody.Text or EventBody.Html) } => DirectoryError.Invalid("The body's contentType must be text or html."),
        { Content.Length: > Event.MaximumBodyLength } => DirectoryError.Invalid($"The body must be at most {Event.MaximumBodyLength} characters."),
        _ => null,
    };

    private static DirectoryError? Zones(EventFields fields)
    {
        foreach (var time in new[] { fields.Start, fields.End })
        {
            if (time is null)
            {
                continue;
            }

            if (EventTime.FindZone(time.TimeZone) is null)
            {
                return DirectoryError.Invalid($"'{time.TimeZone}' is not a time zone.");
            }

            if (time.ToInstant() is null)
            {
                return DirectoryError.Invalid($"{time} does not exist: the clocks skip it.");
            }
        }

        return null;
    }

    private static DirectoryError? OneOf(string property, string? value, string[] allowed) =>
        value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : DirectoryError.Invalid($"'{value}' is not a value of {property}; use one of: {string.Join(", ", allowed)}.");

    private static DirectoryError? Location(EventFields fields) =>
        fields.LocationDisplayName is { Length: > Event.MaximumLocationLength }
            ? DirectoryError.Invalid($"The location must be at most {Event.MaximumLocationLength} characters.")
            : null;

    private static DirectoryError? Attendees(EventFields fields)
    {
        if (fields.Attendees is null)
        {
            return null;
        }

        if (fields.Attendees.Count > MaximumAttendees)
        {
            return DirectoryError.Invalid($"An event may have at most {MaximumAttendees} attendees.");
        }

        foreach (var attendee in fields.Attendees)
        {
            if (string.IsNullOrWhiteSpace(attendee.Address) || attendee.Address.Length > Event.MaximumLocationLength || !attendee.Address.Contains('@', StringComparison.Ordinal))
            {
                return DirectoryError.Invalid($"'{attendee.Address}' is not an email address.");
            }

            if (attendee.Name is { Length: > Event.MaximumLocationLength })
            {
                return DirectoryError.Invalid($"An attendee's name must be at most {Event.MaximumLocationLength} characters.");
            }

            if (OneOf("type", attendee.Type, AttendeeTypes) is { } wrongType)
            {
                return wrongType;
            }
        }

        return null;
    }

    private static DirectoryError? Categories(EventFields fields) =>
        fields.Categories is { } categories
        && (categories.Count > MaximumCategories || categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > Event.MaximumLocationLength))
            ? DirectoryError.Invalid($"An event may have at most {MaximumCategories} categories of 1 to {Event.MaximumLocationLength} characters.")
            : null;

    private static DirectoryError? Reminder(EventFields fields) =>
        fields.ReminderMinutesBeforeStart is < 0 or > MaximumReminderMinutes
            ? DirectoryError.Invalid($"reminderMinutesBeforeStart must be between 0 and {MaximumReminderMinutes}.")
            : null;
}
