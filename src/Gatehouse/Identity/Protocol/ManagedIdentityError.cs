namespace Gatehouse.Identity.Protocol;

/// <summary>
/// A refusal of the managed identity endpoints, written as IMDS and App Service write theirs: a status and
/// {error, error_description} (docs/protocol/entra-protocol.md §8.1).
/// </summary>
internal sealed record ManagedIdentityError(int Status, string Error, string Description) : IResult
{
    public static ManagedIdentityError MissingMetadataHeader() => new(400, "invalid_request", "Required metadata header not specified");

    public static ManagedIdentityError NotFromThisHost() =>
        new(403, "invalid_request", "The instance metadata endpoint answers only callers on this host (loopback).");

    public static ManagedIdentityError MissingParameter(string name) => new(400, "invalid_request", $"Required query variable '{name}' is missing");

    public static ManagedIdentityError UnsupportedApiVersion(string version, string supported) =>
        new(400, "invalid_request", $"api-version '{version}' is not supported; use {supported}.");

    public static ManagedIdentityError SeveralIdentities() =>
        new(400, "invalid_request", "Name the identity with at most one of client_id, object_id (principal_id) and msi_res_id (mi_res_id).");

    public static ManagedIdentityError IdentityNotFound() => new(400, "invalid_request", "Identity not found");

    public static ManagedIdentityError NoDefaultIdentity(string why) => new(400, "invalid_request", $"Identity not found: {why}");

    public static ManagedIdentityError InvalidIdentityHeader() => new(401, "unauthorized_client", "Invalid secret token header.");

    /// <summary>The token service's own refusal of the resource, with its AADSTS text, as IMDS passes it on.</summary>
    public static ManagedIdentityError From(AadstsError error) => new(error.Status, error.Error, $"AADSTS{error.Code}: {error.Message}");

    public Task ExecuteAsync(HttpContext context) => JsonAnswer.WriteAsync(context, Status, writer =>
    {
        writer.WriteString("error", Error);
        writer.WriteString("error_description", Description);
    });
}
