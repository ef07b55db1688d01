using Gatehouse.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gatehouse.Data;

/// <summary>The embedded default store.</summary>
internal sealed class SqliteGatehouseDb(DbContextOptions<SqliteGatehouseDb> options) : GatehouseDb(options)
{
    internal override Type MigrationsKey => typeof(SqliteMigrations);

    internal override IReadOnlyList<string> SquashedMigrationIds => SqliteMigrations.SquashedIntoInitial;

    // SQLite has no date type: as ticks, instants stay exact and compare and sort in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
