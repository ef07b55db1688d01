using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Applications;

internal sealed class ApplicationOwnerConfiguration : IEntityTypeConfiguration<ApplicationOwner>
{
    public void Configure(EntityTypeBuilder<ApplicationOwner> builder)
    {
        builder.HasKey(o => new { o.ApplicationId, o.OwnerId });
        builder.Property(o => o.OwnerType).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(o => o.OwnerId);
    }
}
