using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Tenants;

internal sealed class TenantDomainConfiguration : IEntityTypeConfiguration<TenantDomain>
{
    public void Configure(EntityTypeBuilder<TenantDomain> builder)
    {
        builder.HasKey(d => d.Name);
        builder.Property(d => d.Name).HasMaxLength(253);
        builder.HasIndex(d => d.TenantId);
    }
}
