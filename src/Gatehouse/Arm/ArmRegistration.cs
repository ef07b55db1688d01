using System.Diagnostics;
using Gatehouse.ResourceServer;

namespace Gatehouse.Arm;

/// <summary>The few Azure Resource Manager calls the Azure CLI makes at sign-in, at the listener's root.</summary>
internal static class ArmRegistration
{
    private static readonly ActivitySource Activities = new("Gatehouse.Arm");

    public static IServiceCollection AddArm(this IServiceCollection services)
    {
        services.AddResourceServer();
        services.AddSingleton<ArmGate>();
        return services;
    }

    public static WebApplication MapArm(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<ArmGate>();
        var arm = app.MapGroup("");
        arm.AddEndpointFilter(new EndpointActivity(Activities, "arm", gate.TagCaller)).AddEndpointFilter(gate).WithMetadata(ArmFailures.Instance);
        arm.MapArmLists();
        return app;
    }
}
