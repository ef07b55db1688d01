using Gatehouse.ResourceServer;

namespace Gatehouse.PortalApi;

/// <summary>The errors the Azure portal's API surface answers (docs/protocol/microsoft-hosts.md §4).</summary>
internal static class PortalApiErrors
{
    public static PortalApiError Unauthorized(TokenRejection rejection, string authority)
    {
        var message = rejection switch
        {
            TokenRejection.Missing => "The request has no bearer token.",
            TokenRejection.InvalidAudience =>
                $"The access token was issued for another resource. It must be issued for one of {string.Join(", ", PortalApiResource.Audiences.Select(a => $"'{a}'"))}.",
            TokenRejection.Expired => "The access token has expired.",
            _ => "The access token is invalid.",
        };
        return new PortalApiError(StatusCodes.Status401Unauthorized, message)
        {
            Challenge = $"Bearer authorization_uri=\"{authority}/\", error=\"invalid_token\", error_description=\"{message}\"",
        };
    }

    /// <summary>What the real API answers a user who may not grant consent for the tenant, observed in the Azure CLI's output.</summary>
    public static PortalApiError NotAnAdministrator() => Forbidden("This operation can only be performed by an administrator.");

    public static PortalApiError InsufficientPrivileges() => Forbidden("Insufficient privileges to complete the operation.");

    public static PortalApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static PortalApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    /// <summary>A request the API failed, with the id to quote; a 503 while the store is out of reach.</summary>
    public static PortalApiError Failed(bool storeUnavailable, string requestId) => storeUnavailable
        ? new(StatusCodes.Status503ServiceUnavailable, $"The service is temporarily unavailable. Retry the request after a delay. Request ID: {requestId}")
        : new(StatusCodes.Status500InternalServerError, $"An unexpected error occurred. Request ID: {requestId}");

    private static PortalApiError Forbidden(string graphMessage) => new(
        StatusCodes.Status403Forbidden, $"Graph call failed with httpCode=Forbidden, errorCode=Authorization_RequestDenied, errorMessage={graphMessage}");
}
