using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gatehouse.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGatehouseDb>
{
    public SqliteGatehouseDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGatehouseDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGatehouseDb>
{
    public PostgresGatehouseDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGatehouseDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
