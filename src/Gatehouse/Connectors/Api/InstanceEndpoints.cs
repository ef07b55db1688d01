using Gatehouse.Connectors.Instances;
using Gatehouse.Connectors.Providers;

namespace Gatehouse.Connectors.Api;

/// <summary>POST/GET/PUT/PATCH/DELETE /instances, enable and disable, and the credential-health list.</summary>
internal static class InstanceEndpoints
{
    private const string Tag = "Instances";

    public static RouteGroupBuilder MapInstances(this RouteGroupBuilder hub)
    {
        hub.MapPost("/instances", CreateAsync)
            .WithTags(Tag).Describe("POST", "CreateInstance", "Create an instance: exchange the callback's code (or use the app's own credentials) and keep its tokens")
            .Accepts<InstanceRequestBody>("application/json").Produces<InstanceBody>().Produces<HubErrorBody>(StatusCodes.Status400BadRequest);
        hub.MapGet("/instances", async (HttpContext context, HubCaller caller, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            var list = await instances.ListAsync(caller.OrganizationId, context.RequestAborted);
            return Results.Json(list.Select(i => InstanceView.Of(i, catalog.Find(i.ElementKey), now)));
        }).WithTags(Tag).Describe("GET", "ListInstances", "List the organization's instances").Produces<InstanceBody[]>();
        hub.MapGet("/instances/health", HealthAsync)
            .WithTags(Tag).Describe("GET", "ListInstanceHealth", "Instances whose API secret expires soon or that need re-authentication",
                new QueryParameter("days", "The window in days (0 to 3650); the hub's setting when absent."))
            .Produces<InstanceHealthEntryBody[]>().Produces<HubErrorBody>(StatusCodes.Status400BadRequest);
        hub.MapGet("/instances/{id:long}", async (HttpContext context, long id, HubCaller caller, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            await instances.GetAsync(caller.OrganizationId, id, context.RequestAborted) is { } instance
                ? Results.Json(InstanceView.Of(instance, catalog.Find(instance.ElementKey), clock.GetUtcNow(),
                    deliveries: await instances.DeliveriesAsync(id, context.RequestAborted)))
                : NotFound(id))
            .WithTags(Tag).Describe("GET", "GetInstance", "Get an instance, with its event deliveries")
            .Produces<InstanceBody>().Produces<HubErrorBody>(StatusCodes.Status404NotFound);
        hub.MapMethods("/instances/{id:long}", [HttpMethods.Put, HttpMethods.Patch], UpdateAsync)
            .WithTags(Tag)
            .Describe("PUT", "ReplaceInstance", "Change an instance; ?reAuthenticate=true with a new code signs it in again")
            .Describe("PATCH", "UpdateInstance", "Change an instance; ?reAuthenticate=true with a new code signs it in again")
            .Accepts<InstanceRequestBody>("application/json").Produces<InstanceBody>()
            .Produces<HubErrorBody>(StatusCodes.Status400BadRequest).Produces<HubErrorBody>(StatusCodes.Status404NotFound);
        hub.MapDelete("/instances/{id:long}", async (HttpContext context, long id, HubCaller caller, HubInstances instances) =>
            await instances.DeleteAsync(caller.OrganizationId, id, context.RequestAborted) ? Results.Ok() : NotFound(id))
            .WithTags(Tag).Describe("DELETE", "DeleteInstance", "Delete an instance and its tokens")
            .Produces(StatusCodes.Status200OK).Produces<HubErrorBody>(StatusCodes.Status404NotFound);

        // Cloud Elements enables and disables "the instance of the Element token"; by ID as well for convenience.
        hub.MapMethods("/instances/enabled", [HttpMethods.Put, HttpMethods.Delete], (HttpContext context, InstanceCaller through, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            SetEnabledAsync(context, through.Caller, through.Instance.Id, instances, catalog, clock))
            .WithTags(Tag)
            .Describe("PUT", "EnableTokenInstance", "Enable the instance the Element token names")
            .Describe("DELETE", "DisableTokenInstance", "Disable the instance the Element token names")
            .Produces<InstanceBody>();
        hub.MapMethods("/instances/{id:long}/enabled", [HttpMethods.Put, HttpMethods.Delete], (HttpContext context, long id, HubCaller caller, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock) =>
            SetEnabledAsync(context, caller, id, instances, catalog, clock))
            .WithTags(Tag)
            .Describe("PUT", "EnableInstance", "Enable an instance")
            .Describe("DELETE", "DisableInstance", "Disable an instance: calls through it are refused and its tokens are no longer refreshed")
            .Produces<InstanceBody>().Produces<HubErrorBody>(StatusCodes.Status404NotFound);
        return hub;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, HubCaller caller, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock)
    {
        var request = await HubRequest.ReadInstanceAsync(context.Request);
        if (!request.Succeeded)
        {
            return request.Error.ToResult();
        }

        var created = await instances.CreateAsync(caller.OrganizationId, request.Value, context.RequestAborted);
        if (!created.Succeeded)
        {
            return created.Error.ToResult();
        }

        var (instance, token) = created.Value;
        return Results.Json(InstanceView.Of(instance, catalog.Find(instance.ElementKey), clock.GetUtcNow(), token));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, long id, string? reAuthenticate, HubCaller caller, HubInstances instances, ConnectorCatalog catalog, TimeProvider clock)
    {
        var request = await HubRequest.ReadInstanceAsync(context.Request);
        if (!request.Succeeded)
        {
            return request.Error.ToResult();
        }

        var updated = await instances.UpdateAsync(
            caller.OrganizationId, id, request.Value, string.Equals(reAuthenticate, "true", StringComparison.OrdinalIgnoreCase), context.RequestAborted);
        return updated.Succeeded
            ? Results.Json(InstanceView.Of(updated.Value, catalog.Find(updated.Value.ElementKey), clock.GetUtcNow()))
            : updated.Error.ToResult();
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
