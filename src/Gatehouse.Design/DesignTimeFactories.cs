using Gatehouse.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Gatehouse.Design;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGatehouseDb>
{
    public SqliteGatehouseDb CreateDbContext(string[] args) =>
        new(StoreOptions.Build<SqliteGatehouseDb>(new StoreSettings(StoreKind.Sqlite, "Data Source=design.db", InMemory: false)));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGatehouseDb>
{
    public PostgresGatehouseDb CreateDbContext(string[] args) =>
        new(StoreOptions.Build<PostgresGatehouseDb>(new StoreSettings(StoreKind.Postgres, "Host=localhost;Database=design", InMemory: false)));
}
