using Gatehouse.Dataverse.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Dataverse.Tables;

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
