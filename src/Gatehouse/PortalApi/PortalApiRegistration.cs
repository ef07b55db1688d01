using System.Diagnostics;
using Gatehouse.ResourceServer;

namespace Gatehouse.PortalApi;

/// <summary>The one call of the Azure portal's own API that the Azure CLI makes, admin consent, at the listener's /api.</summary>
internal static class PortalApiRegistration
{
    private static readonly ActivitySource Activities = new("Gatehouse.PortalApi");

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddResourceServer();
        services.AddSingleton<PortalApiGate>();
        services.AddScoped<TenantWideConsentRight>();
        return services;
    }

    public static WebApplication MapPortalApi(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<PortalApiGate>();
        var portalApi = app.MapGroup("/api");
        portalApi.AddEndpointFilter(new EndpointActivity(Activities, "portalapi", gate.TagCaller)).AddEndpointFilter(gate).WithMetadata(PortalApiFailures.Instance);
        portalApi.MapApplicationConsent();
        return app;
    }
}
