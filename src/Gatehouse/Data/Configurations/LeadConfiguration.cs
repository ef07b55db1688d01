using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Data.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder) => builder.ConfigureRecord(DataverseTables.Leads, "DataverseLeads");
}
