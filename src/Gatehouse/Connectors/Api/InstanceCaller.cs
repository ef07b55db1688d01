using Gatehouse.Connectors.Instances;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// Who calls through an instance (/proxy, the normalised resources): an organization's user, and the instance the
/// Element token names. Bound as <see cref="HubCaller"/> is, by <see cref="HubAuthentication"/>.
/// </summary>
internal sealed record InstanceCaller(HubCaller Caller, HubInstance Instance)
{
    public static async ValueTask<InstanceCaller?> BindAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<HubAuthentication>().AuthenticateInstanceAsync(context)).Value;
}
