using System.Text.Json;
using Gatehouse.Connectors.Instances;

namespace Gatehouse.Connectors.Api;

/// <summary>Reading a hub request's JSON body.</summary>
internal static class HubRequest
{
    public const long MaximumBodyBytes = 1024 * 1024;

    /// <summary>The body as an instance request, or the error to answer with.</summary>
    public static async Task<Outcome<InstanceRequest, HubError>> ReadInstanceAsync(HttpRequest request)
    {
        if (request.ContentLength > MaximumBodyBytes)
        {
            return new HubError(StatusCodes.Status413PayloadTooLarge, "The body is larger than 1 MB.");
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            var parsed = InstanceRequest.Parse(body.RootElement);
            return parsed.Succeeded ? parsed.Value : HubError.BadRequest(parsed.Error);
        }
        catch (JsonException)
        {
            return HubError.BadRequest("The body is not valid JSON.");
        }
    }
}
