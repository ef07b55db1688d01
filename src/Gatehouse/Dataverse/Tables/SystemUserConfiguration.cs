using Gatehouse.Dataverse.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Dataverse.Tables;

internal sealed class SystemUserConfiguration : IEntityTypeConfiguration<SystemUser>
{
    public void Configure(EntityTypeBuilder<SystemUser> builder)
    {
        builder.ConfigureRecord(DataverseTables.SystemUsers, "DataverseSystemUsers");
        // One system user per directory user and per application in an environment.
        builder.HasIndex(u => new { u.TenantId, u.AzureActiveDirectoryObjectId }).IsUnique();
        builder.HasIndex(u => new { u.TenantId, u.ApplicationId }).IsUnique();
        builder.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.SystemUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
