using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Groups;

internal sealed class GroupOwnerConfiguration : IEntityTypeConfiguration<GroupOwner>
{
    public void Configure(EntityTypeBuilder<GroupOwner> builder)
    {
        builder.HasKey(o => new { o.GroupId, o.OwnerId });
        builder.Property(o => o.OwnerType).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(o => o.OwnerId);
    }
}
