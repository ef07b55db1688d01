using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Connectors.Organizations;

internal sealed class HubUserConfiguration : IEntityTypeConfiguration<HubUser>
{
    public void Configure(EntityTypeBuilder<HubUser> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.SecretLookup).HasMaxLength(16);
        builder.HasIndex(u => u.SecretLookup);
        builder.HasOne<HubOrganization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
