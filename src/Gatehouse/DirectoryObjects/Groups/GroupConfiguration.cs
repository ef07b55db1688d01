using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Groups;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.DisplayName).HasMaxLength(Group.MaximumDisplayNameLength);
        builder.Property(g => g.NormalizedDisplayName).HasMaxLength(Group.MaximumDisplayNameLength);
        builder.Ignore(g => g.HidesMembers);
        builder.HasIndex(g => new { g.TenantId, g.DisplayName });
        // With the key last, startswith on displayName without $orderby reads the index in page order (see OrderByClause).
        builder.HasIndex(g => new { g.TenantId, g.NormalizedDisplayName, g.Id });
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Owners).WithOne().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
