using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Consent;

internal sealed class OAuth2PermissionGrantConfiguration : IEntityTypeConfiguration<OAuth2PermissionGrant>
{
    public void Configure(EntityTypeBuilder<OAuth2PermissionGrant> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(64);
        builder.Property(g => g.ConsentType).HasMaxLength(16);
        builder.HasIndex(g => new { g.ClientId, g.ResourceId });
        builder.HasIndex(g => g.PrincipalId);
    }
}
