using Gatehouse.Connectors.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Connectors.Instances;

internal sealed class HubInstanceConfiguration : IEntityTypeConfiguration<HubInstance>
{
    public void Configure(EntityTypeBuilder<HubInstance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedOnAdd();
        builder.Property(i => i.ElementKey).HasMaxLength(64);
        builder.Property(i => i.Name).HasMaxLength(256);
        builder.Property(i => i.Tags).HasMaxLength(4096);
        builder.Property(i => i.TokenLookup).HasMaxLength(16);
        builder.Property(i => i.GrantType).HasMaxLength(32);
        builder.Property(i => i.ApiKey).HasMaxLength(128);
        builder.Property(i => i.CallbackUrl).HasMaxLength(2048);
        builder.Property(i => i.Scope).HasMaxLength(4096);
        builder.Property(i => i.Tenant).HasMaxLength(256);
        builder.Property(i => i.OrganizationUrl).HasMaxLength(2048);
        builder.Property(i => i.State).HasMaxLength(32);
        builder.Property(i => i.ProblemCode).HasMaxLength(64);
        builder.Property(i => i.ProblemMessage).HasMaxLength(2048);
        builder.Property(i => i.ApiSecretExpirySource).HasMaxLength(32);
        builder.Property(i => i.EventCallbackUrl).HasMaxLength(2048);
        builder.Property(i => i.LeaseOwner).HasMaxLength(64);
        builder.HasIndex(i => i.TokenLookup);
        builder.HasIndex(i => i.OrganizationId);
        builder.HasIndex(i => i.AccessTokenExpiresDateTime);
        builder.HasOne<HubOrganization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
