namespace Gatehouse.DirectoryObjects.ServicePrincipals;

/// <summary>
/// The local instance of an application in one tenant: the principal that holds permissions and that resources
/// grant permissions on. First-party APIs have one in every tenant; an app has one in its home tenant.
/// </summary>
internal sealed class ServicePrincipal
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid AppId { get; set; }
    public string DisplayName { get; set; } = "";
    public Guid AppOwnerOrganizationId { get; set; }
    public string ServicePrincipalType { get; set; } = "Application";
    public bool AccountEnabled { get; set; } = true;
    public bool AppRoleAssignmentRequired { get; set; }

    /// <summary>Graph's notes: free text about the service principal, at most <see cref="Applications.ApplicationRegistrations.MaximumNotesLength"/> characters.</summary>
    public string? Notes { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public DateTimeOffset? DeletedDateTime { get; set; }

    /// <summary>"SystemAssigned" or "UserAssigned" when this is a managed identity (servicePrincipalType "ManagedIdentity").</summary>
    public string? ManagedIdentityType { get; set; }

    /// <summary>A system-assigned identity's App Service identity header, kept only as a keyed hash (ClientSecretHash).</summary>
    public byte[]? IdentityHeaderSalt { get; set; }

    public byte[]? IdentityHeaderHash { get; set; }

    /// <summary>A new service principal of <paramref name="appId"/>, owned by the tenant that registered the app.</summary>
    public static ServicePrincipal Create(Guid tenantId, Guid appId, string displayName, Guid appOwnerOrganizationId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        AppId = appId,
        DisplayName = displayName,
        AppOwnerOrganizationId = appOwnerOrganizationId,
        CreatedDateTime = now,
    };
}
