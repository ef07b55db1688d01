using Gatehouse.Data;
using Gatehouse.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Tests.Data;

/// <summary>Each store's migration set matches the model and builds an empty database from nothing.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqliteGatehouseDb(StoreOptions.Build<SqliteGatehouseDb>(new StoreSettings(StoreKind.Sqlite, "Data Source=model-check.db", InMemory: false)));

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no SQLite migration covers: run scripts/add-migration NAME");
    }

    [Fact]
    public void Postgres_migrations_are_up_to_date_with_the_model()
    {
        using var db = new PostgresGatehouseDb(StoreOptions.Build<PostgresGatehouseDb>(new StoreSettings(StoreKind.Postgres, "Host=localhost;Database=model-check", InMemory: false)));

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no PostgreSQL migration covers: run scripts/add-migration NAME");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Migrations_build_an_empty_store_from_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        Directory.CreateDirectory(store.DataFolder);
        await using var db = StoreDb.Open(store);
        var cancellationToken = TestContext.Current.CancellationToken;

        await db.Database.MigrateAsync(cancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(cancellationToken));
        Assert.Equal(0, await db.Tenants.CountAsync(cancellationToken));
        Assert.Equal(0, await db.Applications.CountAsync(cancellationToken));
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync(cancellationToken));
    }
}
