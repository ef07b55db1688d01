using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Consent;

internal sealed class AppRoleAssignmentConfiguration : IEntityTypeConfiguration<AppRoleAssignment>
{
    public void Configure(EntityTypeBuilder<AppRoleAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.PrincipalType).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(a => new { a.PrincipalId, a.ResourceId, a.AppRoleId }).IsUnique();
        builder.HasIndex(a => a.ResourceId);
    }
}
