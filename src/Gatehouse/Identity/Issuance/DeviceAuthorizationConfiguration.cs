using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Identity.Issuance;

internal sealed class DeviceAuthorizationConfiguration : IEntityTypeConfiguration<DeviceAuthorization>
{
    public void Configure(EntityTypeBuilder<DeviceAuthorization> builder)
    {
        builder.HasKey(d => d.DeviceCodeHash);
        builder.Property(d => d.DeviceCodeHash).HasMaxLength(64);
        builder.Property(d => d.UserCodeHash).HasMaxLength(64);
        builder.Property(d => d.Scope).HasMaxLength(4096);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => d.UserCodeHash).IsUnique();
        builder.HasIndex(d => d.ExpiresDateTime);
    }
}
