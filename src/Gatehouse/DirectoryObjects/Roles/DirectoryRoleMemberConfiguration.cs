using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Roles;

internal sealed class DirectoryRoleMemberConfiguration : IEntityTypeConfiguration<DirectoryRoleMember>
{
    public void Configure(EntityTypeBuilder<DirectoryRoleMember> builder)
    {
        builder.HasKey(m => new { m.TenantId, m.RoleTemplateId, m.PrincipalId });
        builder.Property(m => m.PrincipalType).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(m => m.PrincipalId);
    }
}
