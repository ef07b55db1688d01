using Gatehouse.Connectors;
using Gatehouse.Connectors.Api;
using Gatehouse.Data;
using Gatehouse.Dataverse;
using Gatehouse.Dataverse.Api;
using Gatehouse.Graph;
using Gatehouse.Identity;
using Gatehouse.Identity.Keys;
using Gatehouse.Portal;
using Microsoft.AspNetCore.DataProtection;

namespace Gatehouse.Hosting;

/// <summary>`gatehouse serve`: every surface on one HTTPS listener.</summary>
internal static class GatehouseServer
{
    public static async Task<int> RunAsync(GatehouseOptions options, CancellationToken cancellationToken)
    {
        // Kestrel would load the operator's certificate only as it starts listening, and fail with a stack trace.
        if (TlsCertificate.OperatorCertificateProblem(options) is { } certificateProblem)
        {
            await Console.Error.WriteLineAsync(certificateProblem);
            return 1;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(GatehouseConfiguration.Build(new Dictionary<string, string?>()));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Migration probes a database that PostgreSQL has not created yet; that expected failure is not news.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.Critical);
        // SQLite rebuilds a table to add a foreign key, outside the migration's transaction; EF warns of it on every first start.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        builder.Services.AddGatehouseCore(options);
        builder.Services.AddStoreChangeWatcher(options.Store);
        builder.Services.AddTokenService(options.PublicUrlOrDefault, options.AccessTokenLifetime);
        builder.Services.AddGatehouseTelemetry();
        builder.Services.AddGraph(GraphThrottleOptions.Parse(options.GraphThrottle).Options!);
        builder.Services.AddPortal();
        builder.Services.AddDataverseApi();
        builder.Services.AddConnectorHub(HubConfiguration.Settings(options));
        builder.Services.AddSingleton(services => new HubOutboundTrust(services.GetRequiredService<ServerCertificate>().Certificate));
        builder.WebHost.UseUrls([.. options.ListenUrls]);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel.ConfigureHttpsDefaults(https =>
            https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<ServerCertificate>().Certificate));
        builder.Services.AddSingleton(services => new ServerCertificate(TlsCertificate.LoadOrCreate(
            options, services.GetRequiredService<IDataProtectionProvider>(), services.GetRequiredService<TimeProvider>())));

        await using var app = builder.Build();
        if (await StoreHost.PrepareAsync(app.Services, options, Console.Out, cancellationToken) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        await app.Services.GetRequiredService<SigningKeyRing>().EnsureAsync(cancellationToken);
        app.UseHttpsOnlyBeyondLoopback();
        app.MapHealth();
        app.MapMetrics();
        app.MapTokenService();
        app.MapGraph();
        app.MapDataverse();
        app.MapConnectorHub();
        app.UsePortal();
        await app.RunAsync(cancellationToken);
        return 0;
    }
}

/// <summary>The HTTPS certificate, made or loaded once the store (and so the Data Protection key ring) is ready.</summary>
internal sealed record ServerCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate);
