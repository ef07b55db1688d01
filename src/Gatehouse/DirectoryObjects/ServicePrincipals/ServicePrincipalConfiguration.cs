using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.ServicePrincipals;

internal sealed class ServicePrincipalConfiguration : IEntityTypeConfiguration<ServicePrincipal>
{
    public void Configure(EntityTypeBuilder<ServicePrincipal> builder)
    {
        builder.HasKey(sp => sp.Id);
        builder.HasIndex(sp => new { sp.TenantId, sp.AppId }).IsUnique();
        builder.Property(sp => sp.DisplayName).HasMaxLength(256);
        builder.Property(sp => sp.ServicePrincipalType).HasMaxLength(32);
        builder.Property(sp => sp.ManagedIdentityType).HasMaxLength(16);
        builder.Property(sp => sp.Notes).HasMaxLength(Applications.ApplicationRegistrations.MaximumNotesLength);
        builder.HasQueryFilter(sp => sp.DeletedDateTime == null);
    }
}
