using Gatehouse.DirectoryObjects.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Calendars;

internal sealed class CalendarConfiguration : IEntityTypeConfiguration<Calendar>
{
    public void Configure(EntityTypeBuilder<Calendar> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Calendar.MaximumNameLength);
        builder.Property(c => c.Color).HasMaxLength(32);
        builder.Property(c => c.ChangeKey).HasMaxLength(64);
        builder.HasIndex(c => new { c.TenantId, c.OwnerId });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
