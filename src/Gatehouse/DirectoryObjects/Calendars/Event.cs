namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>
/// A single-instance event in a user's calendar. Start and end are kept as instants (for calendarView's window) and
/// with the time zone they were given in (Graph's originalStartTimeZone / originalEndTimeZone).
/// </summary>
internal sealed class Event
{
    public const int MaximumSubjectLength = 255;
    public const int MaximumTimeZoneLength = 64;
    public const int MaximumLocationLength = 255;
    public const int MaximumBodyLength = 64 * 1024;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CalendarId { get; set; }

    /// <summary>The mailbox owner: the calendar's owner, kept here so that /me/events reads one index.</summary>
    public Guid OwnerId { get; set; }

    public string? Subject { get; set; }

    /// <summary>"text" or "html".</summary>
    public string BodyContentType { get; set; } = EventBody.Text;
    public string BodyContent { get; set; } = "";

    public DateTimeOffset Start { get; set; }
    public string StartTimeZone { get; set; } = EventTime.Utc;
    public DateTimeOffset End { get; set; }
    public string EndTimeZone { get; set; } = EventTime.Utc;
    public bool IsAllDay { get; set; }

    public string? LocationDisplayName { get; set; }
    public string? OrganizerName { get; set; }
    public string? OrganizerAddress { get; set; }
    public List<Attendee> Attendees { get; set; } = [];
    public List<string> Categories { get; set; } = [];

    /// <summary>free, tentative, busy, oof, workingElsewhere, unknown.</summary>
    public string ShowAs { get; set; } = "busy";

    /// <summary>low, normal, high.</summary>
    public string Importance { get; set; } = "normal";

    /// <summary>normal, personal, private, confidential.</summary>
    public string Sensitivity { get; set; } = "normal";

    public bool IsReminderOn { get; set; } = true;
    public int ReminderMinutesBeforeStart { get; set; } = 15;
    public bool ResponseRequested { get; set; } = true;
    public bool IsCancelled { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }
    public DateTimeOffset LastModifiedDateTime { get; set; }

    /// <summary>Changes with every write; Graph's @odata.etag is W/"changeKey".</summary>
    public string ChangeKey { get; set; } = "";

    public string ICalUId { get; set; } = "";
}

/// <summary>Someone invited to an event.</summary>
internal sealed class Attendee
{
    public string? Name { get; set; }
    public string Address { get; set; } = "";

    /// <summary>required, optional, resource.</summary>
    public string Type { get; set; } = "required";

    /// <summary>none, organizer, tentativelyAccepted, accepted, declined, notResponded.</summary>
    public string Response { get; set; } = "none";
}
