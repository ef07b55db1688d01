using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Tests.Data;

/// <summary>Each store's squashed Initial builds exactly the schema of the migrations it replaced.</summary>
public sealed class SquashedSchemaTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Initial_builds_the_schema_the_squashed_migrations_built(string kind)
    {
        using var legacy = TestStore.Create(kind);
        await LegacyStore.RestoreAsync(legacy);
        using var fresh = TestStore.Create(kind);
        Directory.CreateDirectory(fresh.DataFolder);
        await using (var db = StoreDb.Open(fresh))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(await StoreSchema.ReadAsync(legacy), await StoreSchema.ReadAsync(fresh));
    }
}
