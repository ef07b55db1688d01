using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects.Credentials;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.Tenants;

namespace Gatehouse.Cli;

/// <summary>The JSON shapes the verbs print: Graph's property names, so scripts can move between the CLI and the API.</summary>
internal static class Views
{
    public static object Application(Application app) => new
    {
        id = app.Id,
        appId = app.AppId,
        displayName = app.DisplayName,
        signInAudience = app.SignInAudience,
        publisherDomain = (string?)null,
        createdDateTime = app.CreatedDateTime,
        deletedDateTime = app.DeletedDateTime,
        identifierUris = app.IdentifierUris,
        web = new
        {
            redirectUris = app.WebRedirectUris, homePageUrl = app.WebHomePageUrl, logoutUrl = app.WebLogoutUrl,
            implicitGrantSettings = new { enableAccessTokenIssuance = app.EnableAccessTokenIssuance, enableIdTokenIssuance = app.EnableIdTokenIssuance },
        },
        spa = new { redirectUris = app.SpaRedirectUris },
        publicClient = new { redirectUris = app.PublicClientRedirectUris },
        isFallbackPublicClient = app.IsFallbackPublicClient,
        api = new { requestedAccessTokenVersion = app.RequestedAccessTokenVersion, oauth2PermissionScopes = app.Oauth2PermissionScopes },
        appRoles = app.AppRoles,
        requiredResourceAccess = app.RequiredResourceAccess,
        passwordCredentials = app.PasswordCredentials.OrderBy(c => c.StartDateTime).Select(c => Secret(c, null)),
        keyCredentials = app.KeyCredentials.OrderBy(c => c.StartDateTime).Select(Certificate),
    };

    public static object Secret(PasswordCredential credential, string? secretText) => new
    {
        keyId = credential.KeyId,
        displayName = credential.DisplayName,
        hint = credential.Hint,
        secretText,
        startDateTime = credential.StartDateTime,
        endDateTime = credential.EndDateTime,
        customKeyIdentifier = (string?)null,
    };

    public static object Certificate(KeyCredential credential) => new
    {
        keyId = credential.KeyId,
        displayName = credential.DisplayName,
        thumbprint = credential.Thumbprint,
        customKeyIdentifier = Convert.ToBase64String(credential.CustomKeyIdentifier),
        startDateTime = credential.StartDateTime,
        endDateTime = credential.EndDateTime,
        type = credential.Type,
        usage = credential.Usage,
    };

    public static object Permission(RequestedPermission permission) => new
    {
        resourceAppId = permission.ResourceAppId,
        api = permission.ResourceDisplayName,
        id = permission.PermissionId,
        permission = permission.Value,
        type = permission.Type.ToString(),
        description = permission.Description,
        adminConsentRequired = permission.AdminConsentRequired,
    };

    public static object PermissionStatus(PermissionGrantStatus status, Tenant tenant) => new
    {
        resourceAppId = status.Permission.ResourceAppId,
        api = status.Permission.ResourceDisplayName,
        id = status.Permission.PermissionId,
        permission = status.Permission.Value,
        type = status.Permission.Type.ToString(),
        description = status.Permission.Description,
        adminConsentRequired = status.Permission.AdminConsentRequired,
        granted = status.Granted,
        status = StatusText(status, tenant),
    };

    /// <summary>The API permissions table's Status column.</summary>
    public static string StatusText(PermissionGrantStatus status, Tenant tenant) =>
        status.Granted ? $"Granted for {tenant.DisplayName}" : "Not granted for " + tenant.DisplayName;

    public static string Date(DateTimeOffset instant) => instant.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
