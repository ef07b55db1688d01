using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Logs;

internal sealed class DirectoryAuditEntryConfiguration : IEntityTypeConfiguration<DirectoryAuditEntry>
{
    public void Configure(EntityTypeBuilder<DirectoryAuditEntry> builder)
    {
        builder.ToTable("DirectoryAudits");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActivityDisplayName).HasMaxLength(128);
        builder.Property(e => e.Category).HasMaxLength(64);
        builder.Property(e => e.OperationType).HasMaxLength(16);
        builder.Property(e => e.InitiatorType).HasMaxLength(8);
        builder.Property(e => e.InitiatorAppId).HasMaxLength(64);
        builder.Property(e => e.InitiatorDisplayName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.InitiatorUserPrincipalName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.InitiatorIpAddress).HasMaxLength(64);
        builder.Property(e => e.TargetId).HasMaxLength(64);
        builder.Property(e => e.TargetType).HasMaxLength(32);
        builder.Property(e => e.TargetDisplayName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.TargetUserPrincipalName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.ActivityDateTime, e.Id });
        builder.HasIndex(e => e.ActivityDateTime);
    }
}
