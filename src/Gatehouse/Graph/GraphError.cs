using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Graph;

/// <summary>
/// A Graph error response (docs/protocol/graph-dataverse.md §4): the status, and the envelope
/// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}} whose exact casing the SDK needs.
/// </summary>
internal sealed record GraphError(int Status, string Code, string Message) : IResult
{
    /// <summary>Seconds a throttled client should wait, sent as Retry-After.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The Bearer challenge of a 401 (RFC 6750 §3).</summary>
    public string? Challenge { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ids = GraphRequestIds.Of(httpContext);
        var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        httpContext.Response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (Challenge is not null)
        {
            httpContext.Response.Headers.WWWAuthenticate = Challenge;
        }

        httpContext.Response.ContentType = "application/json";
        var innerError = new Dictionary<string, object?>
        {
            ["date"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["request-id"] = ids.RequestId,
            ["client-request-id"] = ids.ClientRequestId,
        };
        await JsonSerializer.SerializeAsync(
            httpContext.Response.Body,
            new Dictionary<string, object> { ["error"] = new Dictionary<string, object> { ["code"] = Code, ["message"] = Message, ["innerError"] = innerError } },
            cancellationToken: httpContext.RequestAborted);
    }
}
