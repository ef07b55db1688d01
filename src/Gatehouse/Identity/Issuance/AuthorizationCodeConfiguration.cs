using Gatehouse.Identity.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Identity.Issuance;

internal sealed class AuthorizationCodeConfiguration : IEntityTypeConfiguration<AuthorizationCode>
{
    public void Configure(EntityTypeBuilder<AuthorizationCode> builder)
    {
        builder.HasKey(c => c.CodeHash);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.RedirectUri).HasMaxLength(RegisteredRedirectUri.MaximumLength);
        builder.Property(c => c.Scope).HasMaxLength(4096);
        builder.Property(c => c.Nonce).HasMaxLength(1024);
        builder.Property(c => c.SessionId).HasMaxLength(64);
        builder.Property(c => c.CodeChallenge).HasMaxLength(128);
        builder.Property(c => c.CodeChallengeMethod).HasMaxLength(16);
        builder.HasIndex(c => c.ExpiresDateTime);
    }
}
