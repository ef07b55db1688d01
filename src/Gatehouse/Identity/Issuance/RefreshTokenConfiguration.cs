using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Identity.Issuance;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.AuthorizationCodeHash).HasMaxLength(64);
        builder.Property(t => t.Scope).HasMaxLength(4096);
        builder.Property(t => t.SessionId).HasMaxLength(64);
        builder.Property(t => t.SpaOrigin).HasMaxLength(2048);
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => t.AuthorizationCodeHash);
        builder.HasIndex(t => t.ExpiresDateTime);
    }
}
