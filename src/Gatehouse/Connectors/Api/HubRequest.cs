using System.Text.Json;

namespace Gatehouse.Connectors.Api;

/// <summary>Reading a hub request's JSON body.</summary>
internal static class HubRequest
{
    public const long MaximumBodyBytes = 1024 * 1024;

    /// <summary>The body as JSON, or the error to answer with.</summary>
    public static async Task<(JsonDocument? Body, HubError? Error)> ReadJsonAsync(HttpRequest request)
    {
        if (request.ContentLength > MaximumBodyBytes)
        {
            return (null, new HubError(StatusCodes.Status413PayloadTooLarge, "The body is larger than 1 MB."));
        }

        try
        {
            return (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted), null);
        }
        catch (JsonException)
        {
            return (null, HubError.BadRequest("The body is not valid JSON."));
        }
    }
}
