using Gatehouse.Dataverse.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Dataverse.Tables;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder) => builder.ConfigureRecord(DataverseTables.Leads, "DataverseLeads");
}
