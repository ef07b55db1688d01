using System.Text.Json.Nodes;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.ServicePrincipals;
using Gatehouse.Graph.Applications;
using Gatehouse.OData;

namespace Gatehouse.Graph.ServicePrincipals;

/// <summary>
/// The servicePrincipal resource (docs/protocol/graph-dataverse.md §2.4): the principal's own row, with the app roles,
/// scopes, names and reply URLs of the application it instantiates (a first-party API or an app registration).
/// </summary>
internal static class ServicePrincipalResource
{
    public const int DefaultPageSize = 100;

    private const FilterOperations EqualsOrIn = FilterOperations.Equals | FilterOperations.In;

    public static GraphShape<ServicePrincipalView> Shape { get; } = new GraphShape<ServicePrincipalView>("servicePrincipal")
        .Add("id", v => v.Principal.Id)
        .Add("deletedDateTime", v => v.Principal.DeletedDateTime)
        .Add("accountEnabled", v => v.Principal.AccountEnabled)
        .Add("appDisplayName", v => v.Definition?.DisplayName ?? v.Principal.DisplayName)
        .Add("appId", v => v.Principal.AppId)
        .Add("appOwnerOrganizationId", v => v.Principal.AppOwnerOrganizationId)
        .Add("appRoleAssignmentRequired", v => v.Principal.AppRoleAssignmentRequired)
        .Add("createdDateTime", v => v.Principal.CreatedDateTime)
        .Add("displayName", v => v.Principal.DisplayName)
        .Add("servicePrincipalNames", v => ApplicationResource.Strings(v.Names))
        .Add("servicePrincipalType", v => v.Principal.ServicePrincipalType)
        .Add("signInAudience", v => v.SignInAudience)
        .Add("tags", _ => new JsonArray())
        .Add("replyUrls", v => ApplicationResource.Strings(v.ReplyUrls))
        .Add("appRoles", v => new JsonArray([.. (v.Definition?.AppRoles ?? []).Select(ApplicationResource.AppRole)]))
        .Add("oauth2PermissionScopes", v => new JsonArray([.. (v.Definition?.Scopes ?? []).Select(ApplicationResource.Scope)]))
        .Add("keyCredentials", _ => new JsonArray())
        .Add("passwordCredentials", _ => new JsonArray());

    public static QueryMap<ServicePrincipal> Query { get; } = new QueryMap<ServicePrincipal>("ServicePrincipal", sp => sp.Id)
        .Property("id", sp => sp.Id, EqualsOrIn, FilterOperations.NotEquals)
        .Property("appId", sp => sp.AppId, EqualsOrIn, FilterOperations.NotEquals)
        .Text("displayName", sp => sp.DisplayName, EqualsOrIn | FilterOperations.StartsWith, FilterOperations.NotEquals, Sorting.Advanced, searchable: true)
        .Property("accountEnabled", sp => sp.AccountEnabled, FilterOperations.Equals, FilterOperations.NotEquals)
        .Text("servicePrincipalType", sp => sp.ServicePrincipalType, EqualsOrIn, FilterOperations.NotEquals)
        .Property("appOwnerOrganizationId", sp => sp.AppOwnerOrganizationId, EqualsOrIn, FilterOperations.NotEquals);
}

/// <summary>A service principal with what Graph shows of its application.</summary>
internal sealed record ServicePrincipalView(
    ServicePrincipal Principal, ApiResource? Definition, IReadOnlyList<string> Names, IReadOnlyList<string> ReplyUrls, string SignInAudience)
{
    public static ServicePrincipalView Of(ServicePrincipal principal, Application? application, ApiResource? definition) => new(
        principal,
        definition,
        [principal.AppId.ToString(), .. (definition?.Names ?? []).Where(n => n != principal.AppId.ToString())],
        application is null ? [] : [.. application.WebRedirectUris, .. application.SpaRedirectUris, .. application.PublicClientRedirectUris],
        application?.SignInAudience ?? Application.MultiTenant);
}
