using Gatehouse.Identity.Authorize;
using Gatehouse.Identity.Clients;
using Gatehouse.Identity.DeviceCode;
using Gatehouse.Identity.Discovery;
using Gatehouse.Identity.Logout;
using Gatehouse.Identity.Tenancy;
using Gatehouse.Identity.Token;
using Gatehouse.Identity.Tokens;

namespace Gatehouse.Identity;

internal static class IdentityRegistration
{
    /// <summary>The token service: per-node caches of tenants, clients, resources and keys, kept fresh by StoreChanges.</summary>
    public static IServiceCollection AddTokenService(this IServiceCollection services, string publicUrl, TimeSpan? accessTokenLifetime)
    {
        services.AddSingleton(new IssuerUrls(publicUrl));
        services.AddSingleton(new AccessTokenLifetime(accessTokenLifetime));
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<ClientSnapshots>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<ResourceResolver>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<ClientCredentialsGrant>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<DelegatedScopes>();
        services.AddSingleton<AuthorizeEndpoint>();
        services.AddSingleton<DelegatedTokens>();
        services.AddSingleton<AuthorizationCodeGrant>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<RefreshTokenGrant>();
        services.AddHostedService<ExpiredRefreshTokenSweep>();
        services.AddSingleton<DeviceAuthorizations>();
        services.AddSingleton<DeviceCodeEndpoint>();
        services.AddSingleton<DeviceCodeGrant>();
        services.AddSingleton<PasswordGrant>();
        services.AddSingleton<LogoutEndpoint>();
        services.AddSingleton<AdminConsentEndpoint>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<TokenServiceMetrics>();
        return services;
    }

    public static IEndpointRouteBuilder MapTokenService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDiscovery();
        endpoints.MapUserRealm();
        endpoints.MapMethods("/{tenant}/oauth2/v2.0/authorize", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, string tenant, AuthorizeEndpoint authorize) => authorize.HandleAsync(context, tenant, v2: true)).DisableAntiforgery();
        endpoints.MapMethods("/{tenant}/oauth2/authorize", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, string tenant, AuthorizeEndpoint authorize) => authorize.HandleAsync(context, tenant, v2: false)).DisableAntiforgery();
        endpoints.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext context, string tenant, TokenEndpoint token) => token.HandleAsync(context, tenant, v2: true));
        endpoints.MapPost("/{tenant}/oauth2/token", (HttpContext context, string tenant, TokenEndpoint token) => token.HandleAsync(context, tenant, v2: false));
        endpoints.MapGet("/{tenant}/adminconsent",
            (HttpContext context, string tenant, AdminConsentEndpoint adminConsent) => adminConsent.HandleAsync(context, tenant, v2: false));
        endpoints.MapGet("/{tenant}/v2.0/adminconsent",
            (HttpContext context, string tenant, AdminConsentEndpoint adminConsent) => adminConsent.HandleAsync(context, tenant, v2: true));
        endpoints.MapMethods("/{tenant}/oauth2/v2.0/logout", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, LogoutEndpoint logout) => logout.HandleAsync(context)).DisableAntiforgery();
        endpoints.MapMethods("/{tenant}/oauth2/logout", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, LogoutEndpoint logout) => logout.HandleAsync(context)).DisableAntiforgery();
        endpoints.MapPost("/{tenant}/oauth2/v2.0/devicecode", (HttpContext context, string tenant, DeviceCodeEndpoint device) => device.HandleAsync(context, tenant, v2: true));
        endpoints.MapPost("/{tenant}/oauth2/devicecode", (HttpContext context, string tenant, DeviceCodeEndpoint device) => device.HandleAsync(context, tenant, v2: false));
        return endpoints;
    }
}
