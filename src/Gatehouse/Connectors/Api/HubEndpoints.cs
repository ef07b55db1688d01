namespace Gatehouse.Connectors.Api;

/// <summary>
/// The connector hub's surface under /elements/api-v2, every call authenticated by the Authorization header: each
/// endpoint names its caller (<see cref="HubCaller"/> or <see cref="InstanceCaller"/>), whose binding authenticates,
/// and the group's filter answers a refusal before the handler runs.
/// </summary>
internal static class HubEndpoints
{
    public const string BasePath = "/elements/api-v2";

    public static IEndpointRouteBuilder MapConnectorHub(this IEndpointRouteBuilder endpoints)
    {
        var hub = endpoints.MapGroup(BasePath).DisableAntiforgery();
        hub.AddEndpointFilter(new EndpointActivity(HubActivities.Source, "hub", HubAuthentication.TagCaller)).AddEndpointFilterFactory(AnswerRefusals).WithMetadata(HubFailures.Instance);
        hub.WithMetadata(
                HubErrorAnswer(StatusCodes.Status401Unauthorized),
                HubErrorAnswer(StatusCodes.Status500InternalServerError),
                HubErrorAnswer(StatusCodes.Status503ServiceUnavailable))
            .AddOpenApiOperationTransformer(HubOpenApi.DescribeOperationAsync);
        hub.MapElements();
        hub.MapInstances();
        hub.MapProxy();
        hub.MapResources();
        return endpoints;
    }

    /// <summary>A status every hub operation may answer with the hub's error body, for the OpenAPI document.</summary>
    public static ProducesResponseTypeMetadata HubErrorAnswer(int status) => new(status, typeof(HubErrorBody), ["application/json"]);

    /// <summary>The filter of an endpoint that names its caller; one that names none would answer anyone, so the hub does not start.</summary>
    private static EndpointFilterDelegate AnswerRefusals(EndpointFilterFactoryContext endpoint, EndpointFilterDelegate next)
    {
        if (!endpoint.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(HubCaller) || p.ParameterType == typeof(InstanceCaller)))
        {
            throw new InvalidOperationException($"The hub endpoint {endpoint.MethodInfo.Name} must take a {nameof(HubCaller)} or an {nameof(InstanceCaller)}.");
        }

        return async context => HubAuthentication.Refusal(context.HttpContext) is { } refusal ? refusal.ToResult() : await next(context);
    }
}
