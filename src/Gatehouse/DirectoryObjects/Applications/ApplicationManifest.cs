using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>
/// The Manifest blade: an app registration as JSON in Graph's property names, edited and saved as a whole.
/// IDs, dates and credentials are shown but not taken from an edit (credentials change on Certificates &amp; secrets).
/// Graph's POST and PATCH /applications go through the same checks with only the properties they name.
/// </summary>
internal sealed class ApplicationManifest(GatehouseDb db, ApiResources resources, ApplicationRegistrations registrations, ClientCertificates certificates)
{
    public const int MaximumLength = 256 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        MaxDepth = 16,
    };

    public static string Render(Application app) => JsonSerializer.Serialize(ManifestDocument.From(app), Json);

    public async Task<Outcome<Application, DirectoryError>> ApplyAsync(Application app, string text, CancellationToken cancellationToken)
    {
        if (text.Length > MaximumLength)
        {
            return DirectoryError.Invalid($"The manifest is longer than {MaximumLength / 1024} KB.");
        }

        ManifestDocument? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ManifestDocument>(text, Json);
        }
        catch (JsonException e)
        {
            return DirectoryError.Invalid($"The manifest is not valid JSON: {e.Message}");
        }

        if (manifest is null)
        {
            return DirectoryError.Invalid("The manifest is empty.");
        }

        if (await ProblemAsync(app, manifest, cancellationToken) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        manifest.ApplyTo(app);
        await db.SaveChangesAsync(cancellationToken);
        return app;
    }

    /// <summary>
    /// A new app with the properties given in Graph's names (displayName required), checked as a manifest edit is;
    /// nothing is saved unless every property passes. As Graph's POST /applications, it makes no service principal.
    /// </summary>
    public Task<Outcome<Application, DirectoryError>> CreateAsync(
        Guid tenantId, JsonObject properties, Guid? ownerId, DirectoryObjectType ownerType, CancellationToken cancellationToken)
    {
        var name = properties["displayName"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        return registrations.CreateAsync(
            tenantId, new NewApplication(name, OwnerId: ownerId, OwnerType: ownerType, WithServicePrincipal: false), app => MergeAsync(app, properties, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Changes the properties given in Graph's names, leaving the rest as they are: nested objects (web, api, …) merge,
    /// arrays are replaced whole. A refusal changes nothing.
    /// </summary>
    public async Task<Outcome<Application, DirectoryError>> UpdateAsync(Application app, JsonObject changes, CancellationToken cancellationToken)
    {
        if (await MergeAsync(app, changes, cancellationToken) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return app;
    }

    private async Task<DirectoryError?> MergeAsync(Application app, JsonObject changes, CancellationToken cancellationToken)
    {
        if (SetsCredentials(changes, "passwordCredentials", app.PasswordCredentials.Count))
        {
            return DirectoryError.Invalid("Secrets are not set with the application's properties: use addPassword.");
        }

        IReadOnlyList<KeyCredentialEntry>? keys = null;
        if (changes.TryGetPropertyValue("keyCredentials", out var keyList))
        {
            var read = KeyCredentialEntries(keyList);
            if (!read.Succeeded)
            {
                return read.Error;
            }

            keys = read.Value;
        }

        changes.Remove("passwordCredentials");
        changes.Remove("keyCredentials");

        var merged = JsonSerializer.SerializeToNode(ManifestDocument.From(app), Json)!.AsObject();
        Merge(merged, changes);
        ManifestDocument? manifest;
        try
        {
            manifest = merged.Deserialize<ManifestDocument>(Json);
        }
        catch (JsonException e)
        {
            return DirectoryError.Invalid($"Invalid value specified for property '{e.Path?.TrimStart('$', '.')}' of resource 'Application'.");
        }

        if (await ProblemAsync(app, manifest!, cancellationToken) is { } problem)
        {
            return DirectoryError.Invalid(problem);
        }

        if (keys is not null && certificates.Replace(app, keys) is { } keyProblem)
        {
            return keyProblem;
        }

        manifest!.ApplyTo(app);
        return null;
    }

    /// <summary>The keyCredentials list of a Graph write, in the shape Graph's keyCredential resource has.</summary>
    private static Outcome<IReadOnlyList<KeyCredentialEntry>, DirectoryError> KeyCredentialEntries(JsonNode? list)
    {
        var invalid = DirectoryError.Invalid("Invalid value specified for property 'keyCredentials' of resource 'Application'.");
        if (list is not JsonArray items)
        {
            return invalid;
        }

        var entries = new List<KeyCredentialEntry>();
        foreach (var item in items)
        {
            if (item is not JsonObject entry
                || !TryText(entry, "keyId", out var keyId) || !TryText(entry, "key", out var key)
                || !TryText(entry, "type", out var type) || !TryText(entry, "usage", out var usage)
                || (keyId is not null && !Guid.TryParse(keyId, out _))
                || (key is null && keyId is null))
            {
                return invalid;
            }

            var der = key is null ? null : FromBase64(key);
            if (key is not null && der is null)
            {
                return invalid;
            }

            entries.Add(new KeyCredentialEntry(keyId is null ? null : Guid.Parse(keyId), der, type, usage));
        }

        return entries;
    }

    private static byte[]? FromBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }

    private static bool TryText(JsonObject entry, string name, out string? text)
    {
        text = null;
        return !entry.TryGetPropertyValue(name, out var value) || value is null || (value is JsonValue v && v.TryGetValue(out text));
    }

    /// <summary>Instance annotations ("@odata.type", which the Graph SDK sends) describe the body and change nothing, at any depth.</summary>
    /// <summary>
    /// Whether the property would set secrets, which only addPassword does. An empty array where the app has none changes
    /// nothing and is taken, as Graph takes the one `az ad app create` sends (docs/protocol/azure-cli.md §3).
    /// </summary>
    private static bool SetsCredentials(JsonObject changes, string name, int existing) =>
        changes.TryGetPropertyValue(name, out var value) && (value is not JsonArray { Count: 0 } || existing > 0);

    private static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (name, value) in changes)
        {
            if (name.StartsWith('@'))
            {
                continue;
            }

            if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[name] = WithoutAnnotations(value);
            }
        }
    }

    private static JsonNode? WithoutAnnotations(JsonNode? node) => node switch
    {
        JsonObject item => new JsonObject(item.Where(p => !p.Key.StartsWith('@')).Select(p => KeyValuePair.Create(p.Key, WithoutAnnotations(p.Value)))),
        JsonArray items => new JsonArray([.. items.Select(WithoutAnnotations)]),
        _ => node?.DeepClone(),
    };

    private async Task<string?> ProblemAsync(Application app, ManifestDocument manifest, CancellationToken cancellationToken)
    {
        if (manifest.Id != app.Id || manifest.AppId != app.AppId)
        {
            return "id and appId cannot be changed.";
        }

        if (string.IsNullOrWhiteSpace(manifest.DisplayName) || manifest.DisplayName.Length > ApplicationRegistrations.MaximumDisplayNameLength)
        {
            return $"displayName must be 1 to {ApplicationRegistrations.MaximumDisplayNameLength} characters.";
        }

        if (manifest.Notes is { Length: > ApplicationRegistrations.MaximumNotesLength })
        {
            return $"notes must be at most {ApplicationRegistrations.MaximumNotesLength} characters.";
        }

        if (!Application.SignInAudiences.Contains(manifest.SignInAudience))
        {
            return $"signInAudience must be one of {string.Join(", ", Application.SignInAudiences)}.";
        }

        if (manifest.Api.RequestedAccessTokenVersion is not (null or 1 or 2))
        {
            return "api.requestedAccessTokenVersion must be null, 1 or 2.";
        }

        var redirects = manifest.Web.RedirectUris.Select(u => RedirectUriRules.Check(u, RedirectPlatform.Web))
            .Concat(manifest.Spa.RedirectUris.Select(u => RedirectUriRules.Check(u, RedirectPlatform.Spa)))
            .Concat(manifest.PublicClient.RedirectUris.Select(u => RedirectUriRules.Check(u, RedirectPlatform.PublicClient)))
            .Concat(manifest.IdentifierUris.Select(u => IdentifierUriRules.Check(u, app.AppId)));
        if (redirects.FirstOrDefault(p => p is not null) is { } uriProblem)
        {
            return uriProblem;
        }

        var values = manifest.AppRoles.Select(r => r.Value).Concat(manifest.Api.Oauth2PermissionScopes.Select(s => s.Value)).ToList();
        if (values.Select(PermissionValueRules.Check).FirstOrDefault(p => p is not null) is { } valueProblem)
        {
            return valueProblem;
        }

        var ids = manifest.AppRoles.Select(r => r.Id).Concat(manifest.Api.Oauth2PermissionScopes.Select(s => s.Id)).ToList();
        if (ids.Contains(Guid.Empty) || ids.Distinct().Count() != ids.Count || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            return "Every app role and scope needs its own non-empty id and its own value.";
        }

        if (manifest.AppRoles.Any(r => r.AllowedMemberTypes.Count == 0 || r.AllowedMemberTypes.Any(t => t is not ("Application" or "User"))))
        {
            return "appRoles[].allowedMemberTypes must hold Application, User or both.";
        }

        if (manifest.Api.Oauth2PermissionScopes.Any(s => s.Type is not (PermissionScope.AdminConsent or PermissionScope.UserConsent)))
        {
            return "api.oauth2PermissionScopes[].type must be Admin or User.";
        }

        var taken = await db.Applications
            .Where(a => a.Id != app.Id && a.IdentifierUris.Any(u => manifest.IdentifierUris.Contains(u)))
            .Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return taken is not null
            ? $"Another application ({taken}) already uses one of these identifierUris."
            : await RequiredResourceAccessProblemAsync(app, manifest, cancellationToken);
    }

    private async Task<string?> RequiredResourceAccessProblemAsync(Application app, ManifestDocument manifest, CancellationToken cancellationToken)
    {
        foreach (var entry in manifest.RequiredResourceAccess)
        {
            var resource = entry.ResourceAppId == app.AppId ? ApiResources.From(app) : await resources.FindByAppIdAsync(entry.ResourceAppId, cancellationToken);
            if (resource is null)
            {
                return $"requiredResourceAccess names resource {entry.ResourceAppId}, which is not a known API.";
            }

            foreach (var access in entry.ResourceAccess)
            {
                var known = access.Type switch
                {
                    ResourceAccess.ScopeType => resource.Scopes.Any(s => s.Id == access.Id),
                    ResourceAccess.RoleType => resource.AppRoles.Any(r => r.Id == access.Id),
                    _ => false,
                };
                if (!known)
                {
                    return $"{resource.DisplayName} has no {access.Type} with id {access.Id}.";
                }
            }
        }

        return null;
    }
}
