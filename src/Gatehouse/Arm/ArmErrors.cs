using Gatehouse.ResourceServer;

namespace Gatehouse.Arm;

/// <summary>The errors the Resource Manager surface answers, with ARM's codes and wording (docs/protocol/azure-cli.md §2).</summary>
internal static class ArmErrors
{
    public static ArmError Unauthorized(TokenRejection rejection, string authority)
    {
        var (code, message) = rejection switch
        {
            TokenRejection.Missing => ("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."),
            TokenRejection.Malformed => ("AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format."),
            TokenRejection.InvalidAudience => ("InvalidAuthenticationTokenAudience",
                $"The access token has been obtained for wrong audience or resource. It should exactly match with one of the allowed audiences {string.Join(',', ArmApi.Audiences.Select(a => $"'{a}'"))}."),
            TokenRejection.Expired => ("ExpiredAuthenticationToken", "The access token has expired."),
            _ => ("InvalidAuthenticationToken", "The access token is invalid."),
        };
        return new ArmError(StatusCodes.Status401Unauthorized, code, message)
        {
            Challenge = $"Bearer authorization_uri=\"{authority}/\", error=\"invalid_token\", error_description=\"{message}\"",
        };
    }

    public static ArmError MissingApiVersion() => new(
        StatusCodes.Status400BadRequest, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");

    /// <summary>Resource Manager's answer to a request it failed, with the id to quote (docs/protocol/azure-cli.md §2).</summary>
    public static ArmError InternalServerError(string requestId) => new(
        StatusCodes.Status500InternalServerError, "InternalServerError", $"Encountered internal server error. Tracking ID: '{requestId}'.");

    /// <summary>Resource Manager's answer while the store is out of reach, sent with Retry-After (docs/protocol/azure-cli.md §2).</summary>
    public static ArmError ServiceUnavailable(string requestId) => new(
        StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", $"The service is temporarily unavailable. Retry the request after a delay. Tracking ID: '{requestId}'.");
}
