using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Permissions;
using Gatehouse.DirectoryObjects.Permissions.FirstParty;
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
        .Add("notes", v => v.Principal.Notes)
        .Add("servicePrincipalNames", v => ApplicationResource.Strings(v.Names))
        .Add("servicePrincipalType", v => v.Principal.ServicePrincipalType)
        .Add("signInAudience", v => v.SignInAudience)
        .Add("tags", _ => new JsonArray())
        .Add("replyUrls", v => ApplicationResource.Strings(v.ReplyUrls))
        .Add("appRoles", v => new JsonArray([.. (v.Definition?.AppRoles ?? []).Select(ApplicationResource.AppRole)]))
        .Add("oauth2PermissionScopes", v => new JsonArray([.. (v.Definition?.Scopes ?? []).Select(ApplicationResource.Scope)]))
        .Add("keyCredentials", _ => new JsonArray())
        .Add("passwordCredentials", _ => new JsonArray());

    /// <summary>
    /// The query map of one request: servicePrincipalNames/any(c:c eq '…'), which `az ad sp show --id` sends
    /// (docs/protocol/azure-cli.md §3), reads the application's identifier URIs, a query bound to the request's store.
    /// </summary>
    public static QueryMap<ServicePrincipal> Query(GatehouseDb db) => new QueryMap<ServicePrincipal>("ServicePrincipal", sp => sp.Id)
        .Property("id", sp => sp.Id, EqualsOrIn, FilterOperations.NotEquals)
        .Property("appId", sp => sp.AppId, EqualsOrIn, FilterOperations.NotEquals)
        .Text("displayName", sp => sp.DisplayName, EqualsOrIn | FilterOperations.StartsWith, FilterOperations.NotEquals, Sorting.Advanced, searchable: true)
        .Property("accountEnabled", sp => sp.AccountEnabled, FilterOperations.Equals, FilterOperations.NotEquals)
        .Text("servicePrincipalType", sp => sp.ServicePrincipalType, EqualsOrIn, FilterOperations.NotEquals)
        .Property("appOwnerOrganizationId", sp => sp.AppOwnerOrganizationId, EqualsOrIn, FilterOperations.NotEquals)
        .Collection<string>("servicePrincipalNames", AnyName(db), FilterOperations.Any | FilterOperations.Equals | FilterOperations.StartsWith);

    /// <summary>
    /// any() over what <see cref="ServicePrincipalView"/> shows as servicePrincipalNames: the appId, the app's identifier
    /// URIs, a first-party API's names. One subquery each, or'ed: SQLite cannot join a JSON array into a union.
    /// </summary>
    private static Func<Expression, LambdaExpression, Expression> AnyName(GatehouseDb db) => (principal, predicate) =>
    {
        var name = (Expression<Func<string, bool>>)predicate;
        Expression<Func<ServicePrincipal, Func<string, bool>, bool>> ofAppId = (sp, matches) =>
            db.ServicePrincipals.Where(other => other.Id == sp.Id).Select(other => other.AppId.ToString().ToLower()).Any(matches);
        Expression<Func<ServicePrincipal, Func<string, bool>, bool>> ofApplication = (sp, matches) =>
            db.Applications.Any(a => a.AppId == sp.AppId && a.IdentifierUris.Any(matches));
        var any = Fill(ofAppId, principal, name);
        any = Expression.OrElse(any, Fill(ofApplication, principal, name));
        foreach (var api in FirstPartyApis.All)
        {
            var appId = api.AppId;
            var apiNames = api.ServicePrincipalNames.ToArray();
            Expression<Func<ServicePrincipal, Func<string, bool>, bool>> ofApi = (sp, matches) => sp.AppId == appId && apiNames.Any(matches);
            any = Expression.OrElse(any, Fill(ofApi, principal, name));
        }

        return any;
    };

    private static Expression Fill(Expression<Func<ServicePrincipal, Func<string, bool>, bool>> template, Expression principal, Expression<Func<string, bool>> name) =>
        new ParameterSwap(template.Parameters[0], principal, template.Parameters[1], name).Visit(template.Body);

    private sealed class ParameterSwap(ParameterExpression principal, Expression entity, ParameterExpression matches, Expression predicate) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == principal ? entity : node == matches ? predicate : node;
    }
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
