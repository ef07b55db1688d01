using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Credentials;

internal sealed class KeyCredentialConfiguration : IEntityTypeConfiguration<KeyCredential>
{
    public void Configure(EntityTypeBuilder<KeyCredential> builder)
    {
        builder.HasKey(c => c.KeyId);
        builder.Property(c => c.DisplayName).HasMaxLength(1024);
        builder.Property(c => c.Thumbprint).HasMaxLength(40);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.Property(c => c.Usage).HasMaxLength(16);
        builder.HasIndex(c => c.ApplicationId);
    }
}
