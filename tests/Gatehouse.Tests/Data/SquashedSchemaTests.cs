using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gatehouse.Tests.Data;

/// <summary>
/// Each store's squashed Initial builds exactly the schema of the migrations it replaced; the migrations added after
/// it are not part of that comparison.
/// </summary>
public sealed class SquashedSchemaTests
{
    [Theory]
    [BothStores]
    public async Task Initial_builds_the_schema_the_squashed_migrations_built(string kind)
    {
        using var legacy = TestStore.Create(kind);
        await LegacyStore.RestoreAsync(legacy);
        using var fresh = TestStore.Create(kind);
        Directory.CreateDirectory(fresh.DataFolder);
        await using (var db = StoreDb.Open(fresh))
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First(), cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(await StoreSchema.ReadAsync(legacy), await StoreSchema.ReadAsync(fresh));
    }
}
