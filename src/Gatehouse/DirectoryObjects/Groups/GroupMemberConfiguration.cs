using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Groups;

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.MemberId });
        builder.Property(m => m.MemberType).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(m => m.MemberId);
    }
}
