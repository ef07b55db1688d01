using Gatehouse.DirectoryObjects.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Data.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.DisplayName).HasMaxLength(256);
        builder.HasIndex(g => new { g.TenantId, g.DisplayName });
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Owners).WithOne().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
