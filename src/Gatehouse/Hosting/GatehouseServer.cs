using Gatehouse.Arm;
using Gatehouse.Connectors;
using Gatehouse.Connectors.Api;
using Gatehouse.Data;
using Gatehouse.Dataverse;
using Gatehouse.Dataverse.Api;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.Graph;
using Gatehouse.Identity;
using Gatehouse.Identity.Keys;
using Gatehouse.MicrosoftHosts;
using Gatehouse.Portal;
using Gatehouse.PortalApi;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gatehouse.Hosting;

/// <summary>`gatehouse serve`: every surface on one HTTPS listener, /metrics on its own when --metrics-urls is set.</summary>
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

        var keyEncryptionKey = KeyEncryptionKey.Read(options);
        if (!keyEncryptionKey.Succeeded)
        {
            return keyEncryptionKey.Error;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // The portal's pages are found in the application assembly, which is the test's when a test hosts the server.
            ApplicationName = typeof(GatehouseServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(GatehouseConfiguration.Build(new Dictionary<string, string?>(), context.Variables));
        builder.Configuration.AddInMemoryCollection(GatehouseConfiguration.OpenTelemetryValues(context.Variables));
        if (context.Log is { } log)
        {
            builder.Logging.ClearProviders().AddProvider(log);
        }
        else
        {
            builder.Logging.UseConsoleFormat(options.LogFormat);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Migration probes a database that PostgreSQL has not created yet; that expected failure is not news.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.Critical);
        // SQLite rebuilds a table to add a foreign key, outside the migration's transaction; EF warns of it on every first start.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        // A failed command or query reaches whoever called it; FailureAnswers logs what a request could not survive, once.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.Critical);
        builder.Services.AddGatehouseCore(options, keyEncryptionKey.Value);
        builder.Services.AddStoreChangeWatcher(options.Store);
        builder.Services.AddTokenService(options.PublicUrlOrDefault, options.AccessTokenLifetime, options.ClientFailures);
        builder.Services.AddActivityLogs(LogRetention.Days(options.LogRetentionDays));
        builder.Services.AddGatehouseTelemetry(builder.Configuration);
        builder.Services.AddStrictTransportSecurity();
        builder.Services.AddGraph(throttling.Value);
        builder.Services.AddArm();
        builder.Services.AddPortalApi();
        builder.Services.AddPortal();
        builder.Services.AddDataverseApi();
        builder.Services.AddConnectorHub(HubConfiguration.Settings(options));
        builder.Services.AddOpenApiDocuments();
        builder.Services.AddSingleton(services => new HubOutboundTrust(services.GetRequiredService<ServerCertificate>().Certificate));
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel((_, kestrel) => Listen(kestrel, options));
        builder.Services.AddSingleton(services => new ServerCertificate(TlsCertificate.LoadOrCreate(
            options, services.GetRequiredService<IDataProtectionProvider>(), services.GetRequiredService<TimeProvider>())));
        builder.Services.AddSingleton(services =>
        {
            var clock = services.GetRequiredService<TimeProvider>();
            return MicrosoftHostsCertificates.Issue(
                CertificateAuthorityFile.LoadOrCreate(options, services.GetRequiredService<IDataProtectionProvider>(), clock), clock.GetUtcNow());
        });
        builder.Services.AddSingleton<HttpsCertificateSelection>();
        builder.Services.AddSingleton(services => new ConnectTunnel(
            (host, port) => ListenAddresses.IsOwnHttpsAddress(options, host, port), services.GetRequiredService<ILogger<ConnectTunnel>>()));
        context.Services?.Invoke(builder.Services);
        builder.Services.AddOffsetClock(options.AllowClockOffset);
        builder.Services.AddClockOffsetWatcher(options.AllowClockOffset);

        var app = builder.Build();
        try
        {
            if (await StoreHost.PrepareAsync(app.Services, options, output, cancellationToken) is { } problem)
            {
                await app.DisposeAsync();
                return problem;
            }

            if (options.Import is { } import && await ImportAtStart.RunAsync(app.Services, import, output, cancellationToken) is { } importProblem)
            {
                await app.DisposeAsync();
                return importProblem;
            }

            await app.Services.GetRequiredService<SigningKeyRing>().EnsureAsync(cancellationToken);

            // Made (or loaded) now that the store's Data Protection key ring is ready, so tls.pem and ca.pem exist before the first client.
            app.Services.GetRequiredService<HttpsCertificateSelection>();
            if (!options.InMemory)
            {
                DataFolderPermissions.Warn(app.Logger, options.DataFolder);
            }

            Telemetry.ReportTracing(app.Logger, app.Configuration);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var metricsPorts = ListenAddresses.Ports(options.MetricsListenUrls);
        app.UseFailureAnswers();
        app.UseMetricsExposure(metricsPorts);
        app.UseHttpsOnlyBeyondLoopback(options, metricsPorts);
        // Only the route groups that require a policy (Graph's, Dataverse's) answer browsers. It runs before their
        // endpoint filters, so a preflight needs no token; its headers are added as the response starts, so an answer
        // FailureAnswers writes in place of a failed one carries them too.
        app.UseCors();
        app.MapHealth();
        app.MapClock();
        app.MapCertificateAuthority();
        app.MapMetrics();
        app.MapTokenService();
        app.MapGraph();
        app.MapArm();
        app.MapPortalApi();
        app.MapDataverse();
        app.MapConnectorHub();
        app.MapOpenApiDocuments();
        app.UsePortal();
        return app;
    }

    /// <summary>
    /// The main listeners (--urls), the metrics listener's (--metrics-urls) and the proxy's (--proxy-urls), each bound
    /// explicitly: Kestrel ignores UseUrls once any listener is. Every HTTPS handshake, on any, gets the Microsoft hosts' leaf when the client names one of
    /// them, and the server's own certificate otherwise.
    /// </summary>
    private static void Listen(KestrelServerOptions kestrel, GatehouseOptions options)
    {
        // The options are read as the app is built, before the store (and so the key ring the keys need) is ready: the
        // certificates are looked up at the first handshake, made by then (BuildAsync asks for them once the store is).
        var services = kestrel.ApplicationServices;
        var certificates = new Lazy<HttpsCertificateSelection>(services.GetRequiredService<HttpsCertificateSelection>);

        // For an HTTPS endpoint of a Kestrel configuration section, if an operator adds one; the listeners below use the handshake callback.
        kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (connection, name) => certificates.Value.Select(connection, name));

        // The metrics listener is bound as the main one; MetricsExposure keeps every other surface off it.
        foreach (var url in options.ListenUrls.Concat(options.MetricsListenUrls))
        {
            ListenAddresses.Listen(kestrel, url, listen =>
            {
                if (url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                {
                    listen.UseHttps(HttpsCertificateSelection.HandshakeOptions(certificates));
                }
            });
        }

        foreach (var url in options.ProxyListenUrls)
        {
            // Connection middleware runs in the order it is added: the CONNECT preamble first, then TLS inside the tunnel.
            ListenAddresses.Listen(kestrel, url, listen =>
            {
                listen.Use((connection, next) => services.GetRequiredService<ConnectTunnel>().OnConnectionAsync(connection, next));
                listen.UseHttps(HttpsCertificateSelection.HandshakeOptions(certificates));
            });
        }
    }
}

/// <summary>The HTTPS certificate, made or loaded once the store (and so the Data Protection key ring) is ready.</summary>
internal sealed record ServerCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate);
