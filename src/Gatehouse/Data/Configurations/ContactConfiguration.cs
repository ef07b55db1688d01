using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ConfigureRecord(DataverseTables.Contacts, "DataverseContacts");
        builder.Property(c => c.ParentCustomerType).HasMaxLength(16);
        builder.Property(c => c.NormalizedFullName).HasMaxLength(DataverseTables.NameLength);
        builder.HasIndex(c => new { c.TenantId, c.NormalizedFullName, c.Id });
    }
}
