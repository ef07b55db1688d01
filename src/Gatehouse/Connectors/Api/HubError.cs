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

    public IResult ToResult()
    {
        var body = new Dictionary<string, object>
        {
            ["requestId"] = RandomNumberGenerator.GetHexString(24, lowercase: true),
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
}
