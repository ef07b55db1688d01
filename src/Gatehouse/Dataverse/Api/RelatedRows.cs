using Gatehouse.Data;
using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// The rows a response's lookups point to, loaded with one query per target table: for $expand and for the
/// formatted value (the primary name) of _x_value.
/// </summary>
internal sealed class RelatedRows
{
    private readonly Dictionary<(string Table, Guid Id), DataverseRecord> rows = [];

    public static readonly RelatedRows None = new();

    public static async Task<RelatedRows> LoadAsync(
        GatehouseDb db, Guid tenantId, IReadOnlyCollection<DataverseRecord> records, IEnumerable<LookupDefinition> lookups, CancellationToken cancellationToken)
    {
        var related = new RelatedRows();
        foreach (var byTarget in lookups.GroupBy(l => l.Target))
        {
            var ids = records.SelectMany(r => byTarget.Where(l => l.PointsInto(r)).Select(l => l.Read(r)!.Value)).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var target = DataverseTables.FindByLogicalName(byTarget.Key)!;
            foreach (var row in await target.FindManyAsync(db, tenantId, ids, cancellationToken))
            {
                related.rows[(target.LogicalName, row.Id)] = row;
            }
        }

        return related;
    }

    public DataverseRecord? Find(string table, Guid id) => rows.GetValueOrDefault((table, id));
}
