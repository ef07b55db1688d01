using System.Text.Json;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Credentials;

namespace Gatehouse.Graph.Applications;

/// <summary>
/// addPassword / removePassword and addKey / removeKey (docs/protocol/graph-dataverse.md §2.3), through the same
/// operations as Certificates &amp; secrets: a new secret's value is answered this once and never stored.
/// </summary>
internal static class ApplicationCredentialEndpoints
{
    /// <summary>Graph's default lifetime for a secret added without an endDateTime.</summary>
    private const int DefaultSecretYears = 2;

    public static void MapApplicationCredentials(this RouteGroupBuilder application)
    {
        application.MapPost("/addPassword", AddPasswordAsync).Requires(ApplicationEndpoints.Write);
        application.MapPost("/removePassword", RemovePasswordAsync).Requires(ApplicationEndpoints.Write);
        application.MapPost("/addKey", AddKeyAsync).Requires(ApplicationEndpoints.Write);
        application.MapPost("/removeKey", RemoveKeyAsync).Requires(ApplicationEndpoints.Write);
    }

    private static async Task<IResult> AddPasswordAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, ApplicationManagers managers, ClientSecrets secrets,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(request, key, applications, managers, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        var (application, body) = opened.Value;

        var credential = body.TryGetProperty("passwordCredential", out var given) && given.ValueKind == JsonValueKind.Object ? given : default;
        var start = clock.StoreNow();
        if (Instant(credential, "startDateTime", out var requestedStart) is { } badStart)
        {
            return badStart;
        }

        start = requestedStart ?? start;
        if (Instant(credential, "endDateTime", out var requestedEnd) is { } badEnd)
        {
            return badEnd;
        }

        var added = await secrets.AddAsync(
            application, credential.ValueKind == JsonValueKind.Object ? credential.Text("displayName") : null, start,
            requestedEnd ?? start.AddYears(DefaultSecretYears), cancellationToken);
        return added.Succeeded
            ? GraphResponses.Entity(request, "microsoft.graph.passwordCredential", ApplicationResource.PasswordCredential(added.Value.Credential, added.Value.SecretText))
            : GraphErrors.Directory(added.Error);
    }

    private static async Task<IResult> RemovePasswordAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, ApplicationManagers managers, ClientSecrets secrets,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(request, key, applications, managers, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        var (application, body) = opened.Value;

        if (!Guid.TryParse(body.Text("keyId"), out var keyId))
        {
            return GraphErrors.BadRequest("Invalid value specified for property 'keyId' of resource 'PasswordCredential'.");
        }

        var removed = await secrets.RemoveAsync(application, keyId, cancellationToken);
        return removed.Succeeded ? Results.NoContent() : GraphErrors.BadRequest(removed.Error.Message);
    }

    private static async Task<IResult> AddKeyAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, ApplicationManagers managers, ClientCertificates certificates,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var opened = await OpenWithProofAsync(request, key, applications, managers, clock, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        var (application, body) = opened.Value;

        var credential = body.TryGetProperty("keyCredential", out var given) && given.ValueKind == JsonValueKind.Object ? given : default;
        byte[] certificate;
        try
        {
            certificate = Convert.FromBase64String(credential.ValueKind == JsonValueKind.Object ? credential.Text("key") ?? "" : "");
        }
        catch (FormatException)
        {
            return GraphErrors.BadRequest("Invalid value specified for property 'key' of resource 'KeyCredential'.");
        }

        if (credential.ValueKind != JsonValueKind.Object || credential.Text("type") != KeyCredential.AsymmetricX509Cert || credential.Text("usage") != KeyCredential.VerifyUsage)
        {
            return GraphErrors.BadRequest("keyCredential must be an AsymmetricX509Cert with usage Verify.");
        }

        var added = await certificates.AddAsync(application, certificate, cancellationToken);
        return added.Succeeded
            ? GraphResponses.Entity(request, "microsoft.graph.keyCredential", ApplicationResource.KeyCredential(added.Value))
            : GraphErrors.Directory(added.Error);
    }

    private static async Task<IResult> RemoveKeyAsync(
        AlternateKey key, GraphRequest request, ApplicationRegistrations applications, ApplicationManagers managers, ClientCertificates certificates,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var opened = await OpenWithProofAsync(request, key, applications, managers, clock, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        var (application, body) = opened.Value;

        if (!Guid.TryParse(body.Text("keyId"), out var keyId))
        {
            return GraphErrors.BadRequest("Invalid value specified for property 'keyId' of resource 'KeyCredential'.");
        }

        var removed = await certificates.RemoveAsync(application, keyId, cancellationToken);
        return removed.Succeeded ? Results.NoContent() : GraphErrors.BadRequest(removed.Error.Message);
    }

    private static async Task<Outcome<ApplicationChange, GraphError>> OpenAsync(
        GraphRequest request, AlternateKey key, ApplicationRegistrations applications, ApplicationManagers managers, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindToChangeAsync(request, key, applications, managers, cancellationToken);
        if (!application.Succeeded)
        {
            return application.Error;
        }

        var body = await GraphBody.ReadObjectAsync(request.Context.Request, cancellationToken);
        return body.Succeeded ? new ApplicationChange(application.Value, body.Value) : body.Error;
    }

    /// <summary>As <see cref="OpenAsync"/>, for the key operations, whose body must carry a valid proof (<see cref="KeyProof"/>).</summary>
    private static async Task<Outcome<ApplicationChange, GraphError>> OpenWithProofAsync(
        GraphRequest request, AlternateKey key, ApplicationRegistrations applications, ApplicationManagers managers, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(request, key, applications, managers, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened;
        }

        return await KeyProof.IsValidAsync(opened.Value.Body.Text("proof"), opened.Value.Application, clock.GetUtcNow())
            ? opened
            : GraphErrors.BadRequest("Proof of possession is missing or invalid: sign it with a current certificate of the application.");
    }

    private static GraphError? Instant(JsonElement credential, string name, out DateTimeOffset? instant)
    {
        instant = null;
        if (credential.ValueKind != JsonValueKind.Object || !credential.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var parsed))
        {
            return GraphErrors.BadRequest($"Invalid value specified for property '{name}' of resource 'PasswordCredential'.");
        }

        instant = StoreClock.ToStoreResolution(parsed);
        return null;
    }

    /// <summary>An app the caller may change, and the body of the change.</summary>
    private sealed record ApplicationChange(Application Application, JsonElement Body);
}
