using Gatehouse.ResourceServer;

namespace Gatehouse.Arm;

/// <summary>An accepted Resource Manager request: who calls. Binding it runs <see cref="ArmGate"/>'s checks.</summary>
internal sealed record ArmRequest(Caller Caller)
{
    public static async ValueTask<ArmRequest?> BindAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<ArmGate>().AdmitAsync(context)).Value;
}
