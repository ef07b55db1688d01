using Gatehouse.Identity.Clients;
using Gatehouse.Identity.Endpoints;
using Gatehouse.Identity.Grants;
using Gatehouse.Identity.Issuance;
using Gatehouse.Identity.Protocol;
using Gatehouse.Identity.Resources;

namespace Gatehouse.Identity;

internal static class IdentityRegistration
{
    /// <summary>The token service: per-node caches of tenants, clients, resources and keys, kept fresh by StoreChanges.</summary>
    /// <param name="clientFailures">Failed client authentications per client before 429; null: no limit.</param>
    public static IServiceCollection AddTokenService(
        this IServiceCollection services, string publicUrl, TimeSpan? accessTokenLifetime, FailureLimit? clientFailures)
    {
        services.AddSingleton(new IssuerUrls(publicUrl));
        services.AddSingleton(new AccessTokenLifetime(accessTokenLifetime));
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<ClientSnapshots>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton(provider => new FailureWindows<ClientKey>(clientFailures, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<ClientRegistrations>();
        services.AddSingleton<ManagedIdentityClients>();
        services.AddSingleton<ResourceResolver>();
        services.AddSingleton<DelegatedScopes>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<RefreshTokens>();
        services.AddHostedService<ExpiredRefreshTokenSweep>();
        services.AddSingleton<DeviceAuthorizations>();
        services.AddSingleton<DelegatedTokens>();
        services.AddSingleton<ClientCredentialsGrant>();
        services.AddSingleton<AuthorizationCodeGrant>();
        services.AddSingleton<RefreshTokenGrant>();
        services.AddSingleton<DeviceCodeGrant>();
        services.AddSingleton<PasswordGrant>();
        services.AddSingleton<ManagedIdentityGrant>();
        services.AddSingleton<TokenGrants>();
        services.AddSingleton<TokenServiceMetrics>();
        return services;
    }

    /// <summary>Every token-service route, each answered with Entra's headers inside an Activity of its own.</summary>
    public static IEndpointRouteBuilder MapTokenService(this IEndpointRouteBuilder endpoints)
    {
        var tokenService = endpoints.MapGroup("").AddEndpointFilter<TokenServiceFilter>().WithMetadata(TokenServiceFailures.Endpoints);
        tokenService.MapDiscovery();
        tokenService.MapUserRealm();
        tokenService.MapAuthorize();
        tokenService.MapToken();
        tokenService.MapAdminConsent();
        tokenService.MapLogout();
        tokenService.MapDeviceCode();
        tokenService.MapManagedIdentity();
        return endpoints;
    }
}
