using Gatehouse.ResourceServer;

namespace Gatehouse.PortalApi;

/// <summary>An accepted request to the Azure portal's API: who calls. Binding it runs <see cref="PortalApiGate"/>'s checks.</summary>
internal sealed record PortalApiRequest(Caller Caller)
{
    public static async ValueTask<PortalApiRequest?> BindAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<PortalApiGate>().AdmitAsync(context)).Value;
}
