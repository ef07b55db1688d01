using Gatehouse.Dataverse.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Dataverse.Tables;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ConfigureRecord(DataverseTables.Accounts, "DataverseAccounts");
        builder.Property(a => a.Revenue).HasPrecision(19, 4);
        builder.Property(a => a.NormalizedName).HasMaxLength(DataverseTables.NameLength);
        builder.HasIndex(a => new { a.TenantId, a.NormalizedName, a.Id });
    }
}
