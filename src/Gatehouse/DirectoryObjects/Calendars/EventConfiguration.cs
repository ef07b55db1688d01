using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Calendars;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Subject).HasMaxLength(Event.MaximumSubjectLength);
        builder.Property(e => e.BodyContentType).HasMaxLength(8);
        builder.Property(e => e.BodyContent).HasMaxLength(Event.MaximumBodyLength);
        builder.Property(e => e.StartTimeZone).HasMaxLength(Event.MaximumTimeZoneLength);
        builder.Property(e => e.EndTimeZone).HasMaxLength(Event.MaximumTimeZoneLength);
        builder.Property(e => e.LocationDisplayName).HasMaxLength(Event.MaximumLocationLength);
        builder.Property(e => e.OrganizerName).HasMaxLength(256);
        builder.Property(e => e.OrganizerAddress).HasMaxLength(256);
        builder.Property(e => e.ShowAs).HasMaxLength(32);
        builder.Property(e => e.Importance).HasMaxLength(16);
        builder.Property(e => e.Sensitivity).HasMaxLength(16);
        builder.Property(e => e.ChangeKey).HasMaxLength(64);
        builder.Property(e => e.ICalUId).HasMaxLength(128);
        builder.OwnsMany(e => e.Attendees, attendees => attendees.ToJson());

        // calendarView reads one owner's events by start within a window; /events lists them the same way.
        builder.HasIndex(e => new { e.OwnerId, e.Start, e.End });
        builder.HasIndex(e => new { e.CalendarId, e.Start });
        builder.HasOne<Calendar>().WithMany().HasForeignKey(e => e.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}
