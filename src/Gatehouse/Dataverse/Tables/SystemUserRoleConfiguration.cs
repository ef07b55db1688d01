using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Dataverse.Tables;

internal sealed class SystemUserRoleConfiguration : IEntityTypeConfiguration<SystemUserRole>
{
    public void Configure(EntityTypeBuilder<SystemUserRole> builder)
    {
        builder.ToTable("DataverseSystemUserRoles");
        builder.HasKey(r => new { r.SystemUserId, r.RoleId });
    }
}
