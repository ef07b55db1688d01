using Gatehouse.Dataverse.Api;
using Gatehouse.Dataverse.SampleData;
using Gatehouse.Dataverse.Users;
using Gatehouse.ResourceServer;

namespace Gatehouse.Dataverse;

internal static class DataverseRegistration
{
    /// <summary>The environment operations the CLI, the portal and the Web API share.</summary>
    public static IServiceCollection AddDataverseOperations(this IServiceCollection services)
    {
        services.AddScoped<ApplicationUsers>();
        services.AddScoped<CallerResolver>();
        services.AddScoped<DataverseSampleData>();
        return services;
    }

    /// <summary>The Web API: token validation and the per-node cache of environments.</summary>
    public static IServiceCollection AddDataverseApi(this IServiceCollection services)
    {
        services.AddResourceServer();
        services.AddBrowserCallers(DataverseEndpoints.BrowserPolicy, "OData-EntityId", "OData-Version", "Preference-Applied");
        services.AddSingleton<DataverseEnvironments>();
        services.AddSingleton<DataverseAuthentication>();
        return services;
    }
}
