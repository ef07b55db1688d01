using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Identity.Clients;

internal sealed class UsedClientAssertionConfiguration : IEntityTypeConfiguration<UsedClientAssertion>
{
    public void Configure(EntityTypeBuilder<UsedClientAssertion> builder)
    {
        builder.HasKey(a => new { a.ClientId, a.Jti });
        builder.Property(a => a.Jti).HasMaxLength(256);
        builder.HasIndex(a => a.ExpiresDateTime);
    }
}
