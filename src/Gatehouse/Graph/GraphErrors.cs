using Gatehouse.DirectoryObjects;
using Gatehouse.OData;
using Gatehouse.ResourceServer;

namespace Gatehouse.Graph;

/// <summary>Every error the Graph surface answers, with Graph's codes and wording (docs/protocol/graph-dataverse.md §3–4).</summary>
internal static class GraphErrors
{
    public static GraphError InvalidAuthenticationToken(TokenRejection rejection, string authority) => new(
        StatusCodes.Status401Unauthorized,
        "InvalidAuthenticationToken",
        rejection switch
        {
            TokenRejection.Missing => "Access token is empty.",
            TokenRejection.Malformed => "CompactToken parsing failed with error code: 80049217",
            TokenRejection.InvalidAudience => "Access token validation failure. Invalid audience.",
            TokenRejection.InvalidIssuer => "Access token validation failure. Invalid issuer.",
            TokenRejection.Expired => "Lifetime validation failed, the token is expired.",
            TokenRejection.NotYetValid => "Lifetime validation failed, the token is not yet valid.",
            _ => "Access token validation failure. Invalid signature.",
        })
    {
        // The challenge Graph sends: where to get a token, and for which resource.
        Challenge = $"Bearer realm=\"\", authorization_uri=\"{authority}/common/oauth2/authorize\", client_id=\"{GraphApi.AppId}\"",
    };

    public static GraphError AccessDenied() =>
        new(StatusCodes.Status403Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

    public static GraphError NotFound(string id) =>
        new(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphError SegmentNotFound(string segment) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", $"Resource not found for the segment '{segment}'.");

    public static GraphError MeNeedsDelegation() =>
        new(StatusCodes.Status400BadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.");

    public static GraphError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "Request_BadRequest", message);

    /// <summary>A password the policy refuses, in Graph's words (docs/protocol/graph-dataverse.md §2.1).</summary>
    public static GraphError PasswordTooWeak() =>
        BadRequest("The specified password does not comply with password complexity requirements. Please provide a different password.");

    public static GraphError InvalidBody(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static GraphError CountNeedsEventualConsistency() => BadRequest("$count is not currently supported.");

    public static GraphError SearchNeedsEventualConsistency() => new(
        StatusCodes.Status400BadRequest,
        "Request_UnsupportedQuery",
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");

    public static GraphError InvalidPageSize(string top) => BadRequest($"Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive.");

    public static GraphError TooManyRequests(int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Please retry again later.") { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>What Graph answers when it fails unexpectedly (docs/protocol/graph-dataverse.md §4).</summary>
    public static GraphError GeneralException() =>
        new(StatusCodes.Status500InternalServerError, "generalException", "An unspecified error has occurred.");

    /// <summary>What Graph answers when a service behind it is out of reach, with Retry-After (docs/protocol/graph-dataverse.md §4).</summary>
    public static GraphError ServiceNotAvailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "serviceNotAvailable", "The service is temporarily unavailable. Retry the request after a delay.");

    /// <summary>A refused query option, as Graph words it for the resource type (e.g. "user").</summary>
    public static GraphError Query(QueryError error, string type) => error.Kind switch
    {
        QueryErrorKind.Syntax => new(StatusCodes.Status400BadRequest, "BadRequest", error.Message),
        QueryErrorKind.UnknownProperty => new(StatusCodes.Status400BadRequest, "BadRequest",
            $"Could not find a property named '{error.Property}' on type 'microsoft.graph.{type}'."),
        QueryErrorKind.InvalidValue => new(StatusCodes.Status400BadRequest, "BadRequest", error.Message),
        QueryErrorKind.InvalidOption => BadRequest(error.Message),
        _ => new(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", error.Message),
    };

    /// <summary>
    /// A refused directory operation: not found is 404 (in Graph's words when the path's <paramref name="id"/> is
    /// given), anything else Graph answers with 400 Request_BadRequest.
    /// </summary>
    public static GraphError Directory(DirectoryError error, string? id = null) => error.Kind switch
    {
        DirectoryErrorKind.NotFound when id is not null => NotFound(id),
        DirectoryErrorKind.NotFound => new(StatusCodes.Status404NotFound, "Request_ResourceNotFound", error.Message),
        _ => BadRequest(error.Message),
    };

    public static GraphError OutlookAccessDenied() =>
        new(StatusCodes.Status403Forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

    public static GraphError OutlookNotFound() =>
        new(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphError OutlookMalformedId() => new(StatusCodes.Status400BadRequest, "ErrorInvalidIdMalformed", "Id is malformed.");

    public static GraphError OutlookInvalidUser(string user) =>
        new(StatusCodes.Status404NotFound, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");

    public static GraphError OutlookTimeWindowRequired() => new(
        StatusCodes.Status400BadRequest,
        "ErrorInvalidParameter",
        "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");

    public static GraphError OutlookInvalidRequest(string message) => new(StatusCodes.Status400BadRequest, "ErrorInvalidRequest", message);

    /// <summary>A refused calendar operation: not found is Outlook's 404, anything else its 400.</summary>
    public static GraphError Outlook(DirectoryError error) =>
        error.Kind == DirectoryErrorKind.NotFound ? OutlookNotFound() : OutlookInvalidRequest(error.Message);
}
