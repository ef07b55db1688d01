namespace Gatehouse.DirectoryObjects.Calendars;

/// <summary>A user's calendar. Every user has a default one, made the first time it is needed.</summary>
internal sealed class Calendar
{
    public const string DefaultName = "Calendar";
    public const int MaximumNameLength = 255;

    /// <summary>The default calendar's ID is its owner's object ID, so that two first requests cannot both create one.</summary>
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }
    public Guid OwnerId { get; set; }
    public string Name { get; set; } = DefaultName;

    /// <summary>Graph's calendarColor: "auto", "lightBlue", "lightGreen", ….</summary>
    public string Color { get; set; } = "auto";

    public bool IsDefaultCalendar { get; set; }
    public string ChangeKey { get; set; } = "";
    public DateTimeOffset CreatedDateTime { get; set; }
}
