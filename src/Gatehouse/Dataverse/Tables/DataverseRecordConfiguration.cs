using Gatehouse.Dataverse.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gatehouse.Dataverse.Tables;

/// <summary>
/// What every Dataverse table shares: rows per environment, string lengths from the table's metadata, and
/// versionnumber as the concurrency token, so that a write whose ETag is stale changes no row.
/// </summary>
internal static class DataverseRecordConfiguration
{
    public static void ConfigureRecord<T>(this EntityTypeBuilder<T> builder, Table<T> table, string tableName)
        where T : DataverseRecord, new()
    {
        builder.ToTable(tableName);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.VersionNumber).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TenantId, r.OwnerId });
        foreach (var column in table.Columns.Where(c => c.MaxLength > 0))
        {
            builder.Property(column.Property.Name).HasMaxLength(column.MaxLength);
        }
    }
}
