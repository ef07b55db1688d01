using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.DirectoryObjects.Applications;

internal sealed class ApplicationLogoConfiguration : IEntityTypeConfiguration<ApplicationLogo>
{
    public void Configure(EntityTypeBuilder<ApplicationLogo> builder)
    {
        builder.HasKey(l => l.ApplicationId);
        builder.HasOne<Application>().WithOne().HasForeignKey<ApplicationLogo>(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ContentType).HasMaxLength(32);
        builder.Property(l => l.Version).HasMaxLength(ApplicationLogos.VersionLength);
    }
}
