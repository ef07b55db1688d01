using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Logs;

internal sealed class SignInLogEntryConfiguration : IEntityTypeConfiguration<SignInLogEntry>
{
    public void Configure(EntityTypeBuilder<SignInLogEntry> builder)
    {
        builder.ToTable("SignInLogs");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EventType).HasMaxLength(32);
        builder.Property(e => e.UserPrincipalName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.NormalizedUserPrincipalName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.UserDisplayName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.AppId).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.AppDisplayName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.ResourceId).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.ResourceDisplayName).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.GrantType).HasMaxLength(64);
        builder.Property(e => e.FailureReason).HasMaxLength(1024);
        builder.Property(e => e.ClientCredentialType).HasMaxLength(32);
        builder.Property(e => e.SecretHint).HasMaxLength(8);
        builder.Property(e => e.CertificateThumbprint).HasMaxLength(64);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(SignInLogEntry.MaximumTextLength);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.CreatedDateTime, e.Id });
        builder.HasIndex(e => e.CreatedDateTime);
    }
}
