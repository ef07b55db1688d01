using System.Diagnostics;

namespace Gatehouse.Dataverse.Api;

/// <summary>The Web API at /api/data/v9.2/ (v9.0 and v9.1 answer the same, as Dataverse's do).</summary>
internal static class DataverseEndpoints
{
    private static readonly string[] Versions = ["v9.2", "v9.1", "v9.0"];

    private static readonly ActivitySource Activities = new("Gatehouse.Dataverse");

    /// <summary>The cross-origin policy of single-page apps (docs/protocol/graph-dataverse.md §7).</summary>
    public const string BrowserPolicy = "dataverse";

    /// <summary>Every endpoint behind the request's Activity, then the authentication; a preflight is answered before either, by the CORS middleware.</summary>
    public static IEndpointRouteBuilder MapDataverse(this IEndpointRouteBuilder endpoints)
    {
        var authentication = endpoints.ServiceProvider.GetRequiredService<DataverseAuthentication>();
        var activity = new EndpointActivity(Activities, "dataverse", authentication.TagCaller);
        foreach (var version in Versions)
        {
            var api = endpoints.MapGroup($"/api/data/{version}").DisableAntiforgery().RequireCors(BrowserPolicy);
            api.AddEndpointFilter(activity).AddEndpointFilter(authentication).WithMetadata(DataverseFailures.Instance);
            api.MapGet("/", (DataverseRequest request) => ServiceMetadata.ServiceDocument(request.ServiceRoot));
            api.MapGet("/$metadata", ServiceMetadata.Handle);
            api.MapGet("/WhoAmI", WhoAmI.Handle);
            api.MapGet("/WhoAmI()", WhoAmI.Handle);
            api.MapPost("/$batch", ExecuteBatch.HandleAsync);
            api.MapMethods("/{segment}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Delete],
                (DataverseRequest request, string segment, TimeProvider clock) => DispatchAsync(request, segment, clock));
            // Optional: the service root itself with a verb it has no route for (POST /api/data/v9.2/) matches with no rest.
            api.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Put, HttpMethods.Delete],
                (string? rest) => DataverseError.SegmentNotFound(rest ?? "").ToResult());
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
        var parsed = EntityPath.Parse(segment);
        if (!parsed.Succeeded)
        {
            return Task.FromResult(parsed.Error.ToResult());
        }

        var path = parsed.Value;
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
}
