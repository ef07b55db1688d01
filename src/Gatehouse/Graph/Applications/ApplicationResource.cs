using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.OData;

namespace Gatehouse.Graph.Applications;

/// <summary>
/// The application resource (docs/protocol/graph-dataverse.md §2.3): Graph's property names and shapes, unset collections
/// as empty arrays, credentials without their secrets; and what $filter, $orderby and $search may use.
/// </summary>
internal static class ApplicationResource
{
    public const int DefaultPageSize = 100;

    private const FilterOperations EqualsOrIn = FilterOperations.Equals | FilterOperations.In;

    public static GraphShape<Application> Shape { get; } = new GraphShape<Application>("application")
        .Add("id", a => a.Id)
        .Add("deletedDateTime", a => a.DeletedDateTime)
        .Add("appId", a => a.AppId)
        .Add("createdDateTime", a => a.CreatedDateTime)
        .Add("displayName", a => a.DisplayName)
        .Add("identifierUris", a => a.IdentifierUris)
        .Add("isFallbackPublicClient", a => a.IsFallbackPublicClient)
        .Add("notes", a => a.Notes)
        .Add("signInAudience", a => a.SignInAudience)
        .Add("tags", _ => new JsonArray())
        .Add("api", Api)
        .Add("appRoles", a => new JsonArray([.. a.AppRoles.Select(AppRole)]))
        .Add("keyCredentials", a => new JsonArray([.. a.KeyCredentials.OrderBy(k => k.StartDateTime).Select(KeyCredential)]))
        .Add("passwordCredentials", a => new JsonArray([.. a.PasswordCredentials.OrderBy(p => p.StartDateTime).Select(c => PasswordCredential(c))]))
        .Add("publicClient", a => new JsonObject { ["redirectUris"] = Strings(a.PublicClientRedirectUris) })
        .Add("requiredResourceAccess", a => new JsonArray([.. a.RequiredResourceAccess.Select(RequiredResourceAccess)]))
        .Add("spa", a => new JsonObject { ["redirectUris"] = Strings(a.SpaRedirectUris) })
        .Add("web", a => new JsonObject
        {
            ["homePageUrl"] = a.WebHomePageUrl,
            ["logoutUrl"] = a.WebLogoutUrl,
            ["redirectUris"] = Strings(a.WebRedirectUris),
            ["implicitGrantSettings"] = new JsonObject
            {
                ["enableAccessTokenIssuance"] = a.EnableAccessTokenIssuance,
                ["enableIdTokenIssuance"] = a.EnableIdTokenIssuance,
            },
        });

    public static QueryMap<Application> Query { get; } = new QueryMap<Application>("Application", a => a.Id)
        .Property("id", a => a.Id, EqualsOrIn, FilterOperations.NotEquals)
        .Property("appId", a => a.AppId, EqualsOrIn, FilterOperations.NotEquals)
        .Text("displayName", a => a.DisplayName, EqualsOrIn | FilterOperations.StartsWith, FilterOperations.NotEquals, Sorting.Advanced, searchable: true)
        .Text("signInAudience", a => a.SignInAudience, EqualsOrIn, FilterOperations.NotEquals)
        .Property("createdDateTime", a => a.CreatedDateTime, FilterOperations.None, EqualsOrIn | FilterOperations.Range, Sorting.Advanced)
        .Collection("identifierUris", a => a.IdentifierUris, FilterOperations.Any | FilterOperations.Equals);

    /// <summary>Graph's passwordCredential; <paramref name="secretText"/> only in the answer to addPassword.</summary>
    public static JsonObject PasswordCredential(PasswordCredential credential, string? secretText = null) => new()
    {
        ["customKeyIdentifier"] = null,
        ["displayName"] = credential.DisplayName,
        ["endDateTime"] = Instant(credential.EndDateTime),
        ["hint"] = credential.Hint,
        ["keyId"] = credential.KeyId.ToString(),
        ["secretText"] = secretText,
        ["startDateTime"] = Instant(credential.StartDateTime),
    };

    /// <summary>Graph's keyCredential: the certificate itself (key) is never returned on a read.</summary>
    public static JsonObject KeyCredential(KeyCredential credential) => new()
    {
        ["customKeyIdentifier"] = Convert.ToBase64String(credential.CustomKeyIdentifier),
        ["displayName"] = credential.DisplayName,
        ["endDateTime"] = Instant(credential.EndDateTime),
        ["key"] = null,
        ["keyId"] = credential.KeyId.ToString(),
        ["startDateTime"] = Instant(credential.StartDateTime),
        ["type"] = credential.Type,
        ["usage"] = credential.Usage,
    };

    public static JsonObject AppRole(AppRole role) => new()
    {
        ["allowedMemberTypes"] = Strings(role.AllowedMemberTypes),
        ["description"] = role.Description,
        ["displayName"] = role.DisplayName,
        ["id"] = role.Id.ToString(),
        ["isEnabled"] = role.IsEnabled,
        ["value"] = role.Value,
    };

    public static JsonObject Scope(PermissionScope scope) => new()
    {
        ["adminConsentDescription"] = scope.AdminConsentDescription,
        ["adminConsentDisplayName"] = scope.AdminConsentDisplayName,
        ["id"] = scope.Id.ToString(),
        ["isEnabled"] = scope.IsEnabled,
        ["type"] = scope.Type,
        ["userConsentDescription"] = scope.UserConsentDescription,
        ["userConsentDisplayName"] = scope.UserConsentDisplayName,
        ["value"] = scope.Value,
    };

    /// <summary>Graph writes credential instants with their fraction, as they were stored.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    private static JsonObject Api(Application application) => new()
    {
        ["requestedAccessTokenVersion"] = application.RequestedAccessTokenVersion,
        ["knownClientApplications"] = new JsonArray(),
        ["oauth2PermissionScopes"] = new JsonArray([.. application.Oauth2PermissionScopes.Select(Scope)]),
        ["preAuthorizedApplications"] = new JsonArray(),
    };

    private static JsonObject RequiredResourceAccess(RequiredResourceAccess entry) => new()
    {
        ["resourceAppId"] = entry.ResourceAppId.ToString(),
        ["resourceAccess"] = new JsonArray([.. entry.ResourceAccess.Select(a => new JsonObject { ["id"] = a.Id.ToString(), ["type"] = a.Type })]),
    };
}
