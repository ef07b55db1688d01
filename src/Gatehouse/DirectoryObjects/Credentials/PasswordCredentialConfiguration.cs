using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Credentials;

internal sealed class PasswordCredentialConfiguration : IEntityTypeConfiguration<PasswordCredential>
{
    public void Configure(EntityTypeBuilder<PasswordCredential> builder)
    {
        builder.HasKey(c => c.KeyId);
        builder.Property(c => c.DisplayName).HasMaxLength(1024);
        builder.Property(c => c.Hint).HasMaxLength(3);
        builder.HasIndex(c => c.ApplicationId);
    }
}
