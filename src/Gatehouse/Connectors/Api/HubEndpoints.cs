using System.Diagnostics;

namespace Gatehouse.Connectors.Api;

/// <summary>The connector hub's surface under /elements/api-v2, every call authenticated by the Authorization header.</summary>
internal static class HubEndpoints
{
    public const string BasePath = "/elements/api-v2";
    private static readonly ActivitySource Activities = new("Gatehouse.Connectors");

    public static IEndpointRouteBuilder MapConnectorHub(this IEndpointRouteBuilder endpoints)
    {
        var hub = endpoints.MapGroup(BasePath).DisableAntiforgery();
        hub.MapElements();
        hub.MapInstances();
        hub.MapProxy();
        hub.MapResources();
        return endpoints;
    }

    public static Task<IResult> AsPlatformCallerAsync(HttpContext context, HubAuthentication authentication, Func<HubCaller, Task<IResult>> handle) =>
        AsCallerAsync(context, authentication, throughInstance: false, handle);

    public static Task<IResult> AsInstanceCallerAsync(HttpContext context, HubAuthentication authentication, Func<HubCaller, Task<IResult>> handle) =>
        AsCallerAsync(context, authentication, throughInstance: true, handle);

    private static async Task<IResult> AsCallerAsync(HttpContext context, HubAuthentication authentication, bool throughInstance, Func<HubCaller, Task<IResult>> handle)
    {
        using var activity = Activities.StartActivity($"hub {context.Request.Method} {context.GetEndpoint()?.DisplayName}");
        var (caller, error) = await authentication.AuthenticateAsync(context, throughInstance);
        if (caller is null)
        {
            return error!.ToResult();
        }

        activity?.SetTag("gatehouse.hub.organization", caller.OrganizationId);
        activity?.SetTag("gatehouse.hub.instance", caller.Instance?.Id);
        return await handle(caller);
    }
}
