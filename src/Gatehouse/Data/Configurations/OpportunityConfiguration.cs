using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ConfigureRecord(DataverseTables.Opportunities, "DataverseOpportunities");
        builder.Property(o => o.EstimatedValue).HasPrecision(19, 4);
    }
}
