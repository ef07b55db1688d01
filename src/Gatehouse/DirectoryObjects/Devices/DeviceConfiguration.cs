using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.DisplayName).HasMaxLength(Device.MaximumDisplayNameLength);
        builder.Property(d => d.NormalizedDisplayName).HasMaxLength(Device.MaximumDisplayNameLength);
        builder.Property(d => d.OperatingSystem).HasMaxLength(64);
        builder.Property(d => d.OperatingSystemVersion).HasMaxLength(64);
        builder.Property(d => d.TrustType).HasMaxLength(16);
        builder.HasIndex(d => new { d.TenantId, d.DeviceId }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.NormalizedDisplayName, d.Id });
    }
}
