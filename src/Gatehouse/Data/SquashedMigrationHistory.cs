using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gatehouse.Data;

/// <summary>
/// Opens stores made before the migrations were squashed: their history lists the migrations <c>Initial</c> replaced
/// (<see cref="GatehouseDb.SquashedMigrationIds"/>) and their schema is <c>Initial</c>'s, so <c>Initial</c> is
/// recorded as applied rather than run. A store that stopped part-way through the old migrations is refused.
/// </summary>
internal static class SquashedMigrationHistory
{
    /// <summary>Records <c>Initial</c> where the old history calls for it; returns why the store cannot be opened, or null.</summary>
    public static async Task<string?> RecordInitialAsync(GatehouseDb db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var initial = db.GetService<IMigrationsAssembly>().Migrations.Keys.Min(StringComparer.Ordinal)!;
        var applied = await AppliedAsync(history, cancellationToken);
        if (applied.Contains(initial) || !db.SquashedMigrationIds.Any(applied.Contains))
        {
            return null;
        }

        var missing = db.SquashedMigrationIds.Where(id => !applied.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            return $"The store was made by an earlier Gatehouse that did not finish migrating it ({string.Join(", ", missing)} not applied): " +
                "start that version on it once, then this one.";
        }

        // Under EF's migrations lock, as Migrate would be: another node starting on the same database may record it first.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var migrationsLock = await history.AcquireDatabaseLockAsync(cancellationToken);
        if (!(await AppliedAsync(history, cancellationToken)).Contains(initial))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static async Task<HashSet<string>> AppliedAsync(IHistoryRepository history, CancellationToken cancellationToken) =>
        (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(row => row.MigrationId).ToHashSet(StringComparer.Ordinal);
}
