using System.Text.Json;

namespace Gatehouse.Dataverse.Api;

/// <summary>A JSON body written straight to the response, with the OData headers every Web API answer carries.</summary>
internal sealed class JsonResponse(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal";
        response.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        write(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>An answer without a body (204, 304), with the OData headers.</summary>
    public static IResult Empty(int status, IReadOnlyDictionary<string, string>? headers = null) => new EmptyResponse(status, headers);

    private sealed class EmptyResponse(int status, IReadOnlyDictionary<string, string>? headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers["OData-Version"] = "4.0";
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                httpContext.Response.Headers[name] = value;
            }

            return Task.CompletedTask;
        }
    }
}
