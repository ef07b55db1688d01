using Gatehouse.Migrations.Postgres;
using Gatehouse.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gatehouse.Data;

internal static class StoreOptions
{
    /// <summary>
    /// The store's provider, with the provider's migrations taken from their class library (which `dotnet ef migrations
    /// add` also checks its --project against).
    /// </summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder options, StoreSettings settings) =>
        (settings.Kind == StoreKind.Postgres
            ? options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresMigrations).Assembly))
            : options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteMigrations).Assembly)))
        .ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();

    /// <summary>Options for a context made outside dependency injection (by `dotnet ef`, or a test looking at a store).</summary>
    public static DbContextOptions<TContext> Build<TContext>(StoreSettings settings)
        where TContext : GatehouseDb
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseStore(settings);
        return options.Options;
    }
}
