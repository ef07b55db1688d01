using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// A whole tenant as one JSON document, for `tenant export` and `tenant import`. Property names follow Graph's.
/// Exports carry secret hashes (so an imported tenant keeps working) but never a secret value or a private key;
/// a hand-written import may give <c>password</c> and <c>secretText</c> instead, which are hashed on import.
/// </summary>
internal sealed record TenantDocument
{
    public const string CurrentSchema = "gatehouse.tenant/v1";

    public string Schema { get; init; } = CurrentSchema;
    public required TenantEntry Tenant { get; init; }
    public List<UserEntry> Users { get; init; } = [];
    public List<GroupEntry> Groups { get; init; } = [];
    public List<DirectoryRoleEntry> DirectoryRoles { get; init; } = [];
    public List<ApplicationEntry> Applications { get; init; } = [];
    public List<ServicePrincipalEntry> ServicePrincipals { get; init; } = [];
    public List<AppRoleAssignmentEntry> AppRoleAssignments { get; init; } = [];
    public List<PermissionGrantEntry> Oauth2PermissionGrants { get; init; } = [];
}

internal sealed record TenantEntry
{
    public required Guid Id { get; init; }
    public required string DisplayName { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
    public bool UsersCanRegisterApplications { get; init; } = true;
    public int? MaxSecretLifetimeDays { get; init; }
    public List<DomainEntry> Domains { get; init; } = [];
}

internal sealed record DomainEntry
{
    public required string Name { get; init; }
    public bool IsDefault { get; init; }
    public bool IsInitial { get; init; }
    public bool IsVerified { get; init; } = true;
}

internal sealed record UserEntry
{
    public Guid? Id { get; init; }
    public required string UserPrincipalName { get; init; }
    public string? DisplayName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Mail { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public string UserType { get; init; } = "Member";
    public DateTimeOffset? CreatedDateTime { get; init; }
    public string? PasswordHash { get; init; }

    /// <summary>Import only: a plain password, hashed on import.</summary>
    public string? Password { get; init; }
}

internal sealed record GroupEntry
{
    public Guid? Id { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public string? MailNickname { get; init; }
    public bool MailEnabled { get; init; }
    public bool SecurityEnabled { get; init; } = true;
    public string? Visibility { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
    public List<Guid> Members { get; init; } = [];
    public List<Guid> Owners { get; init; } = [];
}

internal sealed record DirectoryRoleEntry
{
    public required Guid RoleTemplateId { get; init; }
    public string? DisplayName { get; init; }
    public List<Guid> Members { get; init; } = [];
}

internal sealed record ApplicationEntry
{
    public Guid? Id { get; init; }
    public Guid? AppId { get; init; }
    public required string DisplayName { get; init; }
    public string SignInAudience { get; init; } = Application.SingleTenant;
    public List<string> IdentifierUris { get; init; } = [];
    public WebEntry Web { get; init; } = new();
    public RedirectUrisEntry Spa { get; init; } = new();
    public RedirectUrisEntry PublicClient { get; init; } = new();
    public bool IsFallbackPublicClient { get; init; }
    public ApiEntry Api { get; init; } = new();
    public List<AppRole> AppRoles { get; init; } = [];
    public List<RequiredResourceAccess> RequiredResourceAccess { get; init; } = [];
    public List<Guid> Owners { get; init; } = [];
    public DateTimeOffset? CreatedDateTime { get; init; }
    public List<PasswordCredentialEntry> PasswordCredentials { get; init; } = [];
    public List<KeyCredentialEntry> KeyCredentials { get; init; } = [];

    /// <summary>Import only: grant admin consent for every requested permission once imported.</summary>
    public bool? GrantAdminConsent { get; init; }
}

internal sealed record WebEntry
{
    public List<string> RedirectUris { get; init; } = [];
    public string? HomePageUrl { get; init; }
    public string? LogoutUrl { get; init; }

    /// <summary>Absent from documents written before it was exported: both settings off.</summary>
    public ImplicitGrantEntry ImplicitGrantSettings { get; init; } = new();
}

/// <summary>Graph's web.implicitGrantSettings: what the authorize endpoint may answer besides a code.</summary>
internal sealed record ImplicitGrantEntry
{
    public bool EnableIdTokenIssuance { get; init; }
    public bool EnableAccessTokenIssuance { get; init; }
}

internal sealed record RedirectUrisEntry
{
    public List<string> RedirectUris { get; init; } = [];
}

internal sealed record ApiEntry
{
    public int? RequestedAccessTokenVersion { get; init; }
    public List<PermissionScope> Oauth2PermissionScopes { get; init; } = [];
}

internal sealed record PasswordCredentialEntry
{
    public Guid? KeyId { get; init; }
    public string? DisplayName { get; init; }
    public string? Hint { get; init; }
    public DateTimeOffset? StartDateTime { get; init; }
    public DateTimeOffset? EndDateTime { get; init; }
    public SecretHashEntry? SecretHash { get; init; }

    /// <summary>Import only: a known secret value (at least 16 characters), hashed on import.</summary>
    public string? SecretText { get; init; }
}

internal sealed record SecretHashEntry
{
    public required byte[] Salt { get; init; }
    public required byte[] Hash { get; init; }
}

internal sealed record KeyCredentialEntry
{
    public Guid? KeyId { get; init; }

    /// <summary>The DER certificate, base64.</summary>
    public required byte[] Key { get; init; }

    public string? DisplayName { get; init; }
}

internal sealed record ServicePrincipalEntry
{
    public required Guid Id { get; init; }
    public required Guid AppId { get; init; }
    public string? DisplayName { get; init; }
    public Guid? AppOwnerOrganizationId { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public bool AppRoleAssignmentRequired { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>"SystemAssigned" or "UserAssigned" for a managed identity, which has no application in the document.</summary>
    public string? ManagedIdentityType { get; init; }

    /// <summary>A system-assigned identity's App Service identity header, as its hash only.</summary>
    public SecretHashEntry? IdentityHeaderHash { get; init; }
}

internal sealed record AppRoleAssignmentEntry
{
    public string? Id { get; init; }
    public required Guid PrincipalId { get; init; }
    public required Guid ResourceId { get; init; }
    public required Guid AppRoleId { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
}

internal sealed record PermissionGrantEntry
{
    public string? Id { get; init; }
    public required Guid ClientId { get; init; }
    public required string ConsentType { get; init; }
    public Guid? PrincipalId { get; init; }
    public required Guid ResourceId { get; init; }
    public required string Scope { get; init; }
}
