using Gatehouse.DirectoryObjects.Credentials;

namespace Gatehouse.DirectoryObjects.Applications;

/// <summary>An app registration: the global definition of an application, homed in one tenant.</summary>
internal sealed class Application
{
    public const string SingleTenant = "AzureADMyOrg";
    public const string MultiTenant = "AzureADMultipleOrgs";
    public const string MultiTenantAndPersonal = "AzureADandPersonalMicrosoftAccount";
    public const string PersonalOnly = "PersonalMicrosoftAccount";

    public static IReadOnlyList<string> SignInAudiences { get; } = [SingleTenant, MultiTenant, MultiTenantAndPersonal, PersonalOnly];

    /// <summary>The object ID.</summary>
    public Guid Id { get; set; }

    /// <summary>The Application (client) ID.</summary>
    public Guid AppId { get; set; }

    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public string SignInAudience { get; set; } = SingleTenant;
    public List<string> IdentifierUris { get; set; } = [];
    public List<string> WebRedirectUris { get; set; } = [];
    public string? WebHomePageUrl { get; set; }
    public string? WebLogoutUrl { get; set; }

    /// <summary>Graph's notes: free text about the app, at most <see cref="ApplicationRegistrations.MaximumNotesLength"/> characters.</summary>
    public string? Notes { get; set; }
    public List<string> SpaRedirectUris { get; set; } = [];
    public List<string> PublicClientRedirectUris { get; set; } = [];
    public bool IsFallbackPublicClient { get; set; }

    /// <summary>
    /// web.implicitGrantSettings.enableIdTokenIssuance (manifest oauth2AllowIdTokenImplicitFlow; Authentication's "ID
    /// tokens" box): the authorize endpoint may answer response_type id_token and code id_token.
    /// </summary>
    public bool EnableIdTokenIssuance { get; set; }

    /// <summary>
    /// web.implicitGrantSettings.enableAccessTokenIssuance (Authentication's "Access tokens" box): the authorize endpoint
    /// may answer response_type token and id_token token, the implicit grant.
    /// </summary>
    public bool EnableAccessTokenIssuance { get; set; }

    /// <summary>api.requestedAccessTokenVersion: null or 1 issues v1.0 access tokens for this resource, 2 issues v2.0.</summary>
    public int? RequestedAccessTokenVersion { get; set; }

    public List<PermissionScope> Oauth2PermissionScopes { get; set; } = [];
    public List<AppRole> AppRoles { get; set; } = [];
    public List<RequiredResourceAccess> RequiredResourceAccess { get; set; } = [];
    public List<PasswordCredential> PasswordCredentials { get; set; } = [];
    public List<KeyCredential> KeyCredentials { get; set; } = [];
    public List<ApplicationOwner> Owners { get; set; } = [];
    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>Set when the app is deleted; it stays restorable for <see cref="ApplicationRegistrations.RestoreWindow"/>.</summary>
    public DateTimeOffset? DeletedDateTime { get; set; }
}
