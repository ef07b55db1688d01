using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Data;

internal sealed class StoredClockOffsetConfiguration : IEntityTypeConfiguration<StoredClockOffset>
{
    public void Configure(EntityTypeBuilder<StoredClockOffset> builder)
    {
        builder.ToTable("ClockOffsets");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
    }
}
