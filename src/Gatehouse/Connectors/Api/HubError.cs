using System.Security.Cryptography;

namespace Gatehouse.Connectors.Api;

/// <summary>
/// Cloud Elements' error body: a requestId and a message, and for a provider's refusal its code and own message
/// (docs.cloud-elements.com "Error Codes").
/// </summary>
internal sealed record HubError(int Status, string Message, string? ProviderCode = null, string? ProviderMessage = null)
{
    public static HubError Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, "Invalid Organization or User secret, or invalid Element token provided.");

    public static HubError NotFound(string what) => new(StatusCodes.Status404NotFound, what);

    public static HubError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    /// <summary>The id the body carries; a fresh one when not set.</summary>
    public string? RequestId { get; init; }

    /// <summary>A request the hub failed, with the id its log line quotes; a 503 while the store is out of reach.</summary>
    public static HubError Failed(bool storeUnavailable, string requestId) => storeUnavailable
        ? new(StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable. Retry the request after a delay.") { RequestId = requestId }
        : new(StatusCodes.Status500InternalServerError, "An unexpected error occurred.") { RequestId = requestId };

    public IResult ToResult()
    {
        var body = new Dictionary<string, object>
        {
            ["requestId"] = RequestId ?? NewRequestId(),
            ["message"] = Message,
        };
        if (ProviderCode is not null)
        {
            body["providerCode"] = ProviderCode;
        }

        if (ProviderMessage is not null)
        {
            body["providerMessage"] = ProviderMessage;
        }

        return Results.Json(body, statusCode: Status);
    }

    /// <summary>Cloud Elements' request ids are 24 hex digits.</summary>
    public static string NewRequestId() => RandomNumberGenerator.GetHexString(24, lowercase: true);
}
