using Gatehouse.Dataverse.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Data.Configurations;

internal sealed class SystemUserRoleConfiguration : IEntityTypeConfiguration<SystemUserRole>
{
    public void Configure(EntityTypeBuilder<SystemUserRole> builder)
    {
        builder.ToTable("DataverseSystemUserRoles");
        builder.HasKey(r => new { r.SystemUserId, r.RoleId });
    }
}
