using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Connectors.Organizations;

internal sealed class HubOrganizationConfiguration : IEntityTypeConfiguration<HubOrganization>
{
    public void Configure(EntityTypeBuilder<HubOrganization> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.SecretLookup).HasMaxLength(16);
        builder.HasIndex(o => o.SecretLookup);
    }
}
