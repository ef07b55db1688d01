using System.Text.Json;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// The Dataverse error envelope (docs/protocol/graph-dataverse.md §6): {"error":{"code":"0x…","message":"…"}}, the code a
/// hex HRESULT, no innererror. The catalog below is every refusal the Web API gives.
/// </summary>
internal sealed record DataverseError(int Status, string Code, string Message)
{
    public static DataverseError NotMember() =>
        new(StatusCodes.Status403Forbidden, "0x80072560", "The user is not a member of the organization.");

    public static DataverseError MissingScope(string scope) =>
        new(StatusCodes.Status403Forbidden, "0x80040220", $"The access token does not grant the {scope} permission.");

    public static DataverseError RecordNotFound(string table, Guid id) =>
        new(StatusCodes.Status404NotFound, "0x80040217", $"{table} With Id = {id} Does Not Exist");

    public static DataverseError SegmentNotFound(string segment) =>
        new(StatusCodes.Status404NotFound, "0x80060888", $"Resource not found for the segment '{segment}'.");

    public static DataverseError UnknownProperty(string table, string property) =>
        new(StatusCodes.Status400BadRequest, "0x80060888", $"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{table}'.");

    public static DataverseError Query(string message) => new(StatusCodes.Status400BadRequest, "0x80060888", message);

    public static DataverseError Payload(string message) => new(StatusCodes.Status400BadRequest, "0x80048d19", message);

    public static DataverseError InvalidArgument(string message) => new(StatusCodes.Status400BadRequest, "0x80040203", message);

    public static DataverseError VersionMismatch() =>
        new(StatusCodes.Status412PreconditionFailed, "0x80060882", "The version of the existing record doesn't match the RowVersion property provided.");

    public static DataverseError DuplicateRecord() =>
        new(StatusCodes.Status412PreconditionFailed, "0x80040237", "A record with matching key values already exists.");

    /// <summary>The caller's roles grant the privilege, but not over this row (another user's, for a User-depth role).</summary>
    public static DataverseError AccessDenied(Guid callerId, string table, Guid rowId, Guid ownerId, string right) =>
        new(StatusCodes.Status403Forbidden, "0x80040220",
            $"Principal user (Id={callerId}, type=8) is missing {right} rights on {table} record {rowId} owned by {ownerId}.");

    /// <summary>None of the caller's roles holds the privilege at all.</summary>
    public static DataverseError MissingPrivilege(Guid callerId, string privilege, string table) =>
        new(StatusCodes.Status403Forbidden, "0x80042f09", $"Principal user (Id={callerId}, type=8) is missing {privilege} privilege on entity '{table}'.");

    public static DataverseError MethodNotAllowed(string entitySet) =>
        new(StatusCodes.Status405MethodNotAllowed, "0x80060888", $"The requested operation is not supported on '{entitySet}'.");

    /// <summary>A request the Web API failed (0x80040216, Dataverse's "unexpected error"), with the id to quote; a 503 while the store is out of reach.</summary>
    public static DataverseError Failed(bool storeUnavailable, string requestId) => storeUnavailable
        ? new(StatusCodes.Status503ServiceUnavailable, "0x80040216", $"The service is temporarily unavailable. Retry the request after a delay. Request ID: {requestId}")
        : new(StatusCodes.Status500InternalServerError, "0x80040216", $"An unexpected error occurred. Request ID: {requestId}");

    public IResult ToResult() => new ErrorResult(this);

    private sealed class ErrorResult(DataverseError error) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = error.Status;
            response.ContentType = "application/json; odata.metadata=minimal";
            response.Headers["OData-Version"] = "4.0";
            await using var writer = new Utf8JsonWriter(response.Body);
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
