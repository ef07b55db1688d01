using Gatehouse.Arm;
using Gatehouse.Connectors;
using Gatehouse.Connectors.Api;
using Gatehouse.Data;
using Gatehouse.Dataverse;
using Gatehouse.Dataverse.Api;
using Gatehouse.Graph;
using Gatehouse.Identity;
using Gatehouse.Identity.Keys;
using Gatehouse.Portal;
using Gatehouse.PortalApi;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Hosting;

/// <summary>`gatehouse serve`: every surface on one HTTPS listener.</summary>
internal static class GatehouseServer
{
    /// <summary>Serves until <paramref name="cancellationToken"/> or a signal stops it; 1 after a one-line reason on <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(GatehouseOptions options, HostContext context, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var built = await BuildAsync(options, context, output, cancellationToken);
        if (!built.Succeeded)
        {
            await error.WriteLineAsync(built.Error);
            return 1;
        }

        await using var app = built.Value;
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// The server with its store migrated (first start done, printed on <paramref name="output"/>) and every surface
    /// mapped, not yet listening; or the one-line reason it cannot start.
    /// </summary>
    public static async Task<Outcome<WebApplication, string>> BuildAsync(
        GatehouseOptions options, HostContext context, TextWriter output, CancellationToken cancellationToken)
    {
        // Kestrel would load the operator's certificate only as it starts listening, and fail with a stack trace.
        if (TlsCertificate.OperatorCertificateProblem(options) is { } certificateProblem)
        {
            return certificateProblem;
        }

        var throttling = GraphThrottleOptions.Parse(options.GraphThrottle);
        if (!throttling.Succeeded)
        {
            return throttling.Error;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // The portal's pages are found in the application assembly, which is the test's when a test hosts the server.
            ApplicationName = typeof(GatehouseServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(GatehouseConfiguration.Build(new Dictionary<string, string?>(), context.Variables));
        if (context.Log is { } log)
        {
            builder.Logging.ClearProviders().AddProvider(log);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Migration probes a database that PostgreSQL has not created yet; that expected failure is not news.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.Critical);
        // SQLite rebuilds a table to add a foreign key, outside the migration's transaction; EF warns of it on every first start.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        builder.Services.AddGatehouseCore(options);
        builder.Services.AddStoreChangeWatcher(options.Store);
        builder.Services.AddTokenService(options.PublicUrlOrDefault, options.AccessTokenLifetime, options.ClientFailures);
        builder.Services.AddGatehouseTelemetry();
        builder.Services.AddGraph(throttling.Value);
        builder.Services.AddArm();
        builder.Services.AddPortalApi();
        builder.Services.AddPortal();
        builder.Services.AddDataverseApi();
        builder.Services.AddConnectorHub(HubConfiguration.Settings(options));
        builder.Services.AddSingleton(services => new HubOutboundTrust(services.GetRequiredService<ServerCertificate>().Certificate));
        builder.WebHost.UseUrls([.. options.ListenUrls]);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel((_, kestrel) => kestrel.ConfigureHttpsDefaults(https =>
            https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<ServerCertificate>().Certificate));
        builder.Services.AddSingleton(services => new ServerCertificate(TlsCertificate.LoadOrCreate(
            options, services.GetRequiredService<IDataProtectionProvider>(), services.GetRequiredService<TimeProvider>())));
        context.Services?.Invoke(builder.Services);

        var app = builder.Build();
        try
        {
            if (await StoreHost.PrepareAsync(app.Services, options, output, cancellationToken) is { } problem)
            {
                await app.DisposeAsync();
                return problem;
            }

            await app.Services.GetRequiredService<SigningKeyRing>().EnsureAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.UseHttpsOnlyBeyondLoopback();
        app.MapHealth();
        app.MapMetrics();
        app.MapTokenService();
        app.MapGraph();
        app.MapArm();
        app.MapPortalApi();
        app.MapDataverse();
        app.MapConnectorHub();
        app.UsePortal();
        return app;
    }
}

/// <summary>The HTTPS certificate, made or loaded once the store (and so the Data Protection key ring) is ready.</summary>
internal sealed record ServerCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate);
