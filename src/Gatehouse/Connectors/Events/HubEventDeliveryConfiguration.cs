using Gatehouse.Connectors.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Connectors.Events;

internal sealed class HubEventDeliveryConfiguration : IEntityTypeConfiguration<HubEventDelivery>
{
    public void Configure(EntityTypeBuilder<HubEventDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.LastResult).HasMaxLength(512);
        builder.HasIndex(d => d.InstanceId);
        builder.HasIndex(d => d.NextAttemptDateTime);
        builder.HasOne<HubInstance>().WithMany().HasForeignKey(d => d.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
