using Gatehouse.Connectors.Api;
using Gatehouse.Connectors.Events;
using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Organizations;
using Gatehouse.Connectors.Providers;
using Gatehouse.Connectors.Refresh;
using Gatehouse.Connectors.Vault;

namespace Gatehouse.Connectors;

internal static class ConnectorsRegistration
{
    /// <summary>What the management verbs need of the hub: its organizations and users.</summary>
    public static IServiceCollection AddHubAccounts(this IServiceCollection services) => services.AddSingleton<HubSnapshots>().AddScoped<HubAccounts>();

    /// <summary>The hub's API, its outbound HTTP client and the services that keep instances alive and send events.</summary>
    public static IServiceCollection AddConnectorHub(this IServiceCollection services, HubSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ConnectorCatalog>();
        services.AddSingleton<AuthorityClient>();
        services.AddSingleton<InstanceVault>();
        services.AddSingleton<InstanceRefresher>();
        services.AddSingleton<InstanceTokens>();
        services.AddSingleton<ProviderCaller>();
        services.AddSingleton<SecretExpiryLookup>();
        services.AddScoped<HubInstances>();
        services.AddScoped<HubAuthentication>();
        services.AddHostedService<RefreshService>();
        services.AddHostedService<EventDeliveryService>();
        services.AddHttpClient(AuthorityClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                SslOptions = { RemoteCertificateValidationCallback = provider.GetRequiredService<HubOutboundTrust>().Validate },
            });
        return services;
    }
}
