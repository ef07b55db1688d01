using Gatehouse.DirectoryObjects.Logs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

internal static class StoreRegistration
{
    /// <summary>
    /// Contexts come from a pool: building a context's options and internal services for every request cost more
    /// than a primary-key lookup itself. A pooled context is reset (tracker, settings) before it is handed out again.
    /// </summary>
    public static IServiceCollection AddGatehouseStore(this IServiceCollection services, StoreSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<StoreChanges>();
        services.AddSingleton<StoreChangeInterceptor>();
        services.AddSingleton<DirectoryAuditInterceptor>();
        if (settings.Kind == StoreKind.Postgres)
        {
            services.AddDbContextPool<GatehouseDb, PostgresGatehouseDb>((provider, options) => options
                .UseStore(settings)
                .AddInterceptors(provider.GetRequiredService<DirectoryAuditInterceptor>(), provider.GetRequiredService<StoreChangeInterceptor>()));
            return services;
        }

        if (settings.InMemory)
        {
            // A shared-cache in-memory database lives as long as one connection to it is open.
            var keepAlive = new SqliteConnection(settings.ConnectionString);
            keepAlive.Open();
            services.AddSingleton(new InMemoryStoreLifetime(keepAlive));
        }

        services.AddSingleton<SqliteSideConnection>();
        services.AddDbContextPool<GatehouseDb, SqliteGatehouseDb>((provider, options) => options
            .UseStore(settings)
            .AddInterceptors(provider.GetRequiredService<DirectoryAuditInterceptor>(), provider.GetRequiredService<StoreChangeInterceptor>()));
        return services;
    }

    /// <summary>For long-running processes: notice changes that other processes and nodes make to the store.</summary>
    public static IServiceCollection AddStoreChangeWatcher(this IServiceCollection services, StoreKind kind) =>
        kind == StoreKind.Postgres
            ? services.AddHostedService<PostgresChangeListener>()
            : services.AddHostedService<SqliteChangeWatcher>();

    /// <summary>Brings the store's schema up to date; returns why the store cannot be opened, or null.</summary>
    public static async Task<string?> MigrateStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatehouseDb>();
        if (await SquashedMigrationHistory.RecordInitialAsync(db, cancellationToken) is { } problem)
        {
            return problem;
        }

        // Migrate compares the whole model with the migrations' snapshot before it looks for work; a store that is up
        // to date (every CLI verb opens one) is answered from the history table alone.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return null;
    }
}

/// <summary>Holds the connection that keeps an in-memory store alive until the process ends.</summary>
internal sealed class InMemoryStoreLifetime(SqliteConnection connection) : IDisposable
{
    public void Dispose() => connection.Dispose();
}
