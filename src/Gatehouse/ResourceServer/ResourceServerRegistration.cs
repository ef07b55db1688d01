using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.ResourceServer;

internal static class ResourceServerRegistration
{
    /// <summary>Bearer-token validation for the APIs Gatehouse serves (Graph, Resource Manager, Dataverse); each surface calls it.</summary>
    public static IServiceCollection AddResourceServer(this IServiceCollection services)
    {
        services.TryAddSingleton<BearerTokenValidator>();
        return services;
    }
}
