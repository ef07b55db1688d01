using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

internal static class StoreRegistration
{
    public static IServiceCollection AddGatehouseStore(this IServiceCollection services, StoreSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.Kind == StoreKind.Postgres)
        {
            services.AddDbContext<GatehouseDb, PostgresGatehouseDb>(options => options.UseNpgsql(settings.ConnectionString));
            return services;
        }

        if (settings.InMemory)
        {
            // A shared-cache in-memory database lives as long as one connection to it is open.
            var keepAlive = new SqliteConnection(settings.ConnectionString);
            keepAlive.Open();
            services.AddSingleton(new InMemoryStoreLifetime(keepAlive));
        }

        services.AddDbContext<GatehouseDb, SqliteGatehouseDb>(options => options.UseSqlite(settings.ConnectionString));
        return services;
    }

    public static async Task MigrateStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Holds the connection that keeps an in-memory store alive until the process ends.</summary>
internal sealed class InMemoryStoreLifetime(SqliteConnection connection) : IDisposable
{
    public void Dispose() => connection.Dispose();
}
