using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>POST/GET/PUT/PATCH/DELETE /instances, enable and disable, and the credential-health list.</summary>
internal static class InstanceEndpoints
{
    public static RouteGroupBuilder MapInstances(this RouteGroupBuilder hub)
    {
        hub.MapPost("/instances", (HttpContext context, HubAuthentication authentication, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, caller => CreateAsync(context, caller, instances, catalog, clock)));
        hub.MapGet("/instances", (HttpContext context, HubAuthentication authentication, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, async caller =>
            {
                var now = clock.GetUtcNow();
                var list = await instances.ListAsync(caller.OrganizationId, context.RequestAborted);
                return Results.Json(list.Select(i => InstanceView.Of(i, catalog.Find(i.ElementKey), now)));
            }));
        hub.MapGet("/instances/health", (HttpContext context, HubAuthentication authentication, HubInstances instances, HubSettings settings, TimeProvider clock) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, caller => HealthAsync(context, caller, instances, settings, clock)));
        hub.MapGet("/instances/{id:long}", (HttpContext context, long id, HubAuthentication authentication, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, async caller =>
                await instances.GetAsync(caller.OrganizationId, id, context.RequestAborted) is { } instance
                    ? Results.Json(InstanceView.Of(instance, catalog.Find(instance.ElementKey), clock.GetUtcNow(),
                        deliveries: await instances.DeliveriesAsync(id, context.RequestAborted)))
                    : NotFound(id)));
        hub.MapMethods("/instances/{id:long}", [HttpMethods.Put, HttpMethods.Patch], (HttpContext context, long id, string? reAuthenticate, HubAuthentication authentication, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, caller => UpdateAsync(context, caller, id, string.Equals(reAuthenticate, "true", StringComparison.OrdinalIgnoreCase), instances, catalog, clock)));
        hub.MapDelete("/instances/{id:long}", (HttpContext context, long id, HubAuthentication authentication, HubInstances instances) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, async caller =>
                await instances.DeleteAsync(caller.OrganizationId, id, context.RequestAborted) ? Results.Ok() : NotFound(id)));

        // Cloud Elements enables and disables "the instance of the Element token"; by ID as well for convenience.
        hub.MapMethods("/instances/enabled", [HttpMethods.Put, HttpMethods.Delete], (HttpContext context, HubAuthentication authentication, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            HubEndpoints.AsInstanceCallerAsync(context, authentication, caller =>
                SetEnabledAsync(context, caller, caller.Instance!.Id, instances, catalog, clock)));
        hub.MapMethods("/instances/{id:long}/enabled", [HttpMethods.Put, HttpMethods.Delete], (HttpContext context, long id, HubAuthentication authentication, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            HubEndpoints.AsPlatformCallerAsync(context, authentication, caller => SetEnabledAsync(context, caller, id, instances, catalog, clock)));
        return hub;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, HubCaller caller, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock)
    {
        var (request, error) = await HubRequest.ReadInstanceAsync(context.Request);
        if (request is null)
        {
            return error!.ToResult();
        }

        var (instance, token, refused) = await instances.CreateAsync(caller.OrganizationId, request, context.RequestAborted);
        return instance is null
            ? refused!.ToResult()
            : Results.Json(InstanceView.Of(instance, catalog.Find(instance.ElementKey), clock.GetUtcNow(), token));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, HubCaller caller, long id, bool reAuthenticate, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock)
    {
        var (request, error) = await HubRequest.ReadInstanceAsync(context.Request);
        if (request is null)
        {
            return error!.ToResult();
        }

        var (instance, refused) = await instances.UpdateAsync(caller.OrganizationId, id, request, reAuthenticate, context.RequestAborted);
        return instance is null ? refused!.ToResult() : Results.Json(InstanceView.Of(instance, catalog.Find(instance.ElementKey), clock.GetUtcNow()));
    }

    private static async Task<IResult> SetEnabledAsync(HttpContext context, HubCaller caller, long id, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock)
    {
        var disabled = HttpMethods.IsDelete(context.Request.Method);
        var instance = await instances.SetDisabledAsync(caller.OrganizationId, id, disabled, context.RequestAborted);
        return instance is null ? NotFound(id) : Results.Json(InstanceView.Of(instance, catalog.Find(instance.ElementKey), clock.GetUtcNow()));
    }

    /// <summary>Instances whose API secret expires within the window (?days=N, default the hub's setting) or that need a person.</summary>
    private static async Task<IResult> HealthAsync(HttpContext context, HubCaller caller, HubInstances instances, HubSettings settings, TimeProvider clock)
    {
        var window = settings.SecretExpiryWindow;
        if (context.Request.Query.TryGetValue("days", out var days))
        {
            if (!int.TryParse(days, out var parsed) || parsed < 0 || parsed > 3650)
            {
                return HubError.BadRequest("days must be a whole number of days from 0 to 3650.").ToResult();
            }

            window = TimeSpan.FromDays(parsed);
        }

        var now = clock.GetUtcNow();
        var list = await instances.ListAsync(caller.OrganizationId, context.RequestAborted);
        return Results.Json(list
            .Select(i => (Instance: i, State: InstanceState.Of(i, now), Expiring: i.ApiSecretExpiresDateTime <= now + window))
            .Where(x => x.Expiring || x.State == InstanceState.NeedsReAuthentication)
            .Select(x => new
            {
                id = x.Instance.Id,
                name = x.Instance.Name,
                element = x.Instance.ElementKey,
                state = x.State,
                apiSecretExpires = x.Instance.ApiSecretExpiresDateTime,
                apiSecretExpiresInDays = x.Instance.ApiSecretExpiresDateTime is { } end ? (int?)Math.Floor((end - now).TotalDays) : null,
                reasons = new[] { x.Expiring ? "secret expiring" : null, x.State == InstanceState.NeedsReAuthentication ? InstanceState.NeedsReAuthentication : null }.OfType<string>(),
                problem = x.Instance.ProblemCode is null ? null : new { code = x.Instance.ProblemCode, message = x.Instance.ProblemMessage },
            }));
    }

    private static IResult NotFound(long id) => HubError.NotFound($"No instance with ID {id}.").ToResult();
}
