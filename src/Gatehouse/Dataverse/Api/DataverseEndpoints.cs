using Gatehouse.Data;
using Gatehouse.Dataverse.Users;

namespace Gatehouse.Dataverse.Api;

/// <summary>The Web API at /api/data/v9.2/ (v9.0 and v9.1 answer the same, as Dataverse's do).</summary>
internal static class DataverseEndpoints
{
    private static readonly string[] Versions = ["v9.2", "v9.1", "v9.0"];

    public static IEndpointRouteBuilder MapDataverse(this IEndpointRouteBuilder endpoints)
    {
        foreach (var version in Versions)
        {
            var api = endpoints.MapGroup($"/api/data/{version}").DisableAntiforgery();
            api.MapGet("/", (Delegate)((HttpContext http) => RunAsync(http, request => Task.FromResult(ServiceMetadata.ServiceDocument(request.ServiceRoot)))));
            api.MapGet("/$metadata", (Delegate)((HttpContext http) => RunAsync(http, _ => Task.FromResult(ServiceMetadata.Handle()))));
            api.MapGet("/WhoAmI", (Delegate)((HttpContext http) => RunAsync(http, request => Task.FromResult(WhoAmI.Handle(request)))));
            api.MapGet("/WhoAmI()", (Delegate)((HttpContext http) => RunAsync(http, request => Task.FromResult(WhoAmI.Handle(request)))));
            api.MapPost("/$batch", (HttpContext http, TimeProvider clock) => RunAsync(http, request => ExecuteBatch.HandleAsync(request, clock)));
            api.MapMethods("/{segment}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Delete],
                (HttpContext http, string segment, TimeProvider clock) => RunAsync(http, request => DispatchAsync(request, segment, clock)));
            api.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Put, HttpMethods.Delete],
                (HttpContext http, string rest) => RunAsync(http, _ => Task.FromResult(DataverseError.SegmentNotFound(rest).ToResult())));
        }

        return endpoints;
    }

    /// <summary>One request of a $batch, by its path after the version: WhoAmI or an entity set or row.</summary>
    public static Task<IResult> RouteAsync(DataverseRequest request, string rest, TimeProvider clock) =>
        rest is "WhoAmI" or "WhoAmI()" ? Task.FromResult(WhoAmI.Handle(request))
        : rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal) || rest.StartsWith('$') ? Task.FromResult(DataverseError.SegmentNotFound(rest).ToResult())
        : DispatchAsync(request, rest, clock);

    private static Task<IResult> DispatchAsync(DataverseRequest request, string segment, TimeProvider clock)
    {
        var (path, error) = EntityPath.Parse(segment);
        if (path is null)
        {
            return Task.FromResult(error!.ToResult());
        }

        var method = request.Http.Request.Method;
        return (path.Id, method) switch
        {
            (null, "GET") => ListRows.HandleAsync(request, path.Table),
            (null, "POST") => CreateRow.HandleAsync(request, path.Table, clock),
            ({ } id, "GET") => RetrieveRow.HandleAsync(request, path.Table, id),
            ({ } id, "PATCH") => UpdateRow.HandleAsync(request, path.Table, id, clock),
            ({ } id, "DELETE") => DeleteRow.HandleAsync(request, path.Table, id),
            _ => Task.FromResult(DataverseError.MethodNotAllowed(segment).ToResult()),
        };
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<DataverseRequest, Task<IResult>> handle)
    {
        var services = http.RequestServices;
        var (request, refusal) = await services.GetRequiredService<DataverseAuthentication>()
            .AuthenticateAsync(http, services.GetRequiredService<GatehouseDb>(), services.GetRequiredService<CallerResolver>());
        return request is null ? refusal! : await handle(request);
    }
}
