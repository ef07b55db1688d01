using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.DirectoryObjects.Permissions.FirstParty;

/// <summary>Dynamics CRM / Dataverse (appId 00000007-0000-0000-c000-000000000000), which exposes only a delegated user_impersonation scope.</summary>
internal static class DynamicsCrmApi
{
    public static FirstPartyApi Api { get; } = new(
        AppId: new Guid("00000007-0000-0000-c000-000000000000"),
        DisplayName: "Dynamics CRM",
        ServicePrincipalNames:
        [
            "Microsoft.CRM",
            "00000007-0000-0000-c000-000000000000",
        ],
        AppRoles: CreateAppRoles(),
        Oauth2PermissionScopes: CreateOauth2PermissionScopes());

    /// <summary>
    /// The environment URL of a tenant, which is also the App ID URI tokens for it are requested with:
    /// https://{first label of the tenant's initial domain}.crm.dynamics.com (docs/protocol/graph-dataverse.md §6).
    /// </summary>
    public static string OrganizationUrl(string initialDomain) =>
        $"https://{initialDomain.Split('.')[0].ToLowerInvariant()}.crm.dynamics.com";

    /// <summary>The organization name a Dynamics resource URL names (https://{org}.crm.dynamics.com[/]), or null.</summary>
    public static string? OrganizationName(string resource)
    {
        const string Prefix = "https://";
        const string Suffix = ".crm.dynamics.com";
        var trimmed = resource.TrimEnd('/');
        if (!trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !trimmed.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = trimmed[Prefix.Length..^Suffix.Length];
        return name.Length > 0 && !name.Contains('.', StringComparison.Ordinal) ? name.ToLowerInvariant() : null;
    }

    private static AppRole[] CreateAppRoles()
    {
        return [];
    }

    private static PermissionScope[] CreateOauth2PermissionScopes()
    {
        return
        [
            new PermissionScope
            {
                Id = new Guid("78ce3f0f-a1ce-49c2-8cde-64b5c0896db4"),
                Value = "user_impersonation",
                Type = PermissionScope.UserConsent,
                AdminConsentDisplayName = "Access Common Data Service as organization users",
                AdminConsentDescription = "Allows the application to access Common Data Service acting as users in the organization.",
                UserConsentDisplayName = "Access Common Data Service as organization users",
                UserConsentDescription = "Allows the application to access Common Data Service acting as users in the organization.",
            },
        ];
    }
}
