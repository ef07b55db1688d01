namespace Gatehouse.Data;

internal static class BatchInserts
{
    private const int BatchSize = 2000;

    /// <summary>Adds many rows in batches that the change tracker never holds more than one of (change detection off by the caller).</summary>
    public static async Task InsertInBatchesAsync<T>(this GatehouseDb db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
