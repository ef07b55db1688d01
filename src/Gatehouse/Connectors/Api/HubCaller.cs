namespace Gatehouse.Connectors.Api;

/// <summary>
/// Who makes a platform call (/elements, /instances): an organization's user. Endpoints take it as a parameter; binding
/// it runs <see cref="HubAuthentication"/>. A refused call binds as null, which no handler receives: the
/// hub's endpoint filter answers the refusal first.
/// </summary>
internal sealed record HubCaller(Guid OrganizationId, Guid UserId)
{
    public static async ValueTask<HubCaller?> BindAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<HubAuthentication>().AuthenticatePlatformAsync(context)).Value;
}
