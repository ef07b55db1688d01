using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserPrincipalName).HasMaxLength(113);
        builder.Property(u => u.NormalizedUserPrincipalName).HasMaxLength(113);
        builder.Property(u => u.DisplayName).HasMaxLength(256);
        builder.Property(u => u.NormalizedDisplayName).HasMaxLength(256);
        builder.HasIndex(u => u.NormalizedUserPrincipalName).IsUnique();
        builder.Property(u => u.Department).HasMaxLength(User.MaximumDepartmentLength);
        builder.Property(u => u.JobTitle).HasMaxLength(User.MaximumJobTitleLength);
        builder.HasIndex(u => new { u.TenantId, u.DisplayName });
        // With the key last, startswith on displayName without $orderby reads the index in page order (see OrderByClause).
        builder.HasIndex(u => new { u.TenantId, u.NormalizedDisplayName, u.Id });
        // A list in its default order pages after the last id sent (keyset, see SkipToken): this index answers any page
        // without sorting the tenant's users.
        builder.HasIndex(u => new { u.TenantId, u.Id });
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}
