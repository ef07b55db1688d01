using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Applications;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.AppId).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.DisplayName });
        builder.Property(a => a.DisplayName).HasMaxLength(256);
        builder.Property(a => a.SignInAudience).HasMaxLength(64);
        builder.Property(a => a.Notes).HasMaxLength(ApplicationRegistrations.MaximumNotesLength);
        builder.HasQueryFilter(a => a.DeletedDateTime == null);

        builder.OwnsMany(a => a.Oauth2PermissionScopes, scopes => scopes.ToJson());
        builder.OwnsMany(a => a.AppRoles, roles => roles.ToJson());
        builder.OwnsMany(a => a.RequiredResourceAccess, access =>
        {
            access.ToJson();
            access.OwnsMany(r => r.ResourceAccess);
        });

        builder.HasMany(a => a.PasswordCredentials).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.KeyCredentials).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Owners).WithOne().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
