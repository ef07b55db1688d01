using System.CommandLine;
using System.Text;
using Gatehouse.DirectoryObjects.Consent;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.Permissions;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app permission ...`: API permissions.</summary>
internal static class AppPermissionCommands
{
    private static readonly Option<string> Api = new("--api")
    {
        Description = "The API: \"Microsoft Graph\", \"Azure Active Directory Graph\", \"Dynamics CRM\", an App ID URI or an appId.",
        Required = true,
    };

    private static readonly Option<string> Permission = new("--permission") { Description = "Permission name (e.g. Calendars.ReadWrite) or ID.", Required = true };
    private static readonly Option<string?> Type = new("--type") { Description = "Delegated or Application (needed when the API offers both)." };

    public static Command Build(OpenDirectory open) => new("permission", "API permissions the app requests.")
    {
        Verb.Create("add", "Add a permission the app requests.", open, AddAsync, AppCommands.App, Api, Permission, Type),
        Verb.Create("remove", "Remove a requested permission.", open, RemoveAsync, AppCommands.App, Api, Permission, Type),
        Verb.Create("list", "The configured permissions and whether each is granted.", open, ListAsync, AppCommands.App),
    };

    private static Task<CliResult> AddAsync(VerbContext context) =>
        ChangeAsync(context, (permissions, application, kind) => permissions.AddAsync(
            application, context.Value(Api), context.Value(Permission), kind, context.CancellationToken), "Added");

    private static Task<CliResult> RemoveAsync(VerbContext context) =>
        ChangeAsync(context, (permissions, application, kind) => permissions.RemoveAsync(
            application, context.Value(Api), context.Value(Permission), kind, context.CancellationToken), "Removed");

    private static async Task<CliResult> ChangeAsync(
        VerbContext context,
        Func<ApiPermissions, DirectoryObjects.Applications.Application, PermissionKind?, Task<Outcome<RequestedPermission, DirectoryError>>> change,
        string verb)
    {
        var typeText = context.ParseResult.GetValue(Type);
        var kind = PermissionKinds.Parse(typeText);
        if (typeText is not null && kind is null)
        {
            return CliResult.Fail($"'{typeText}' is not a permission type; use Delegated or Application.");
        }

        return await AppCommands.WithAppAsync(context, async application => CliResult.From(
            await change(context.Get<ApiPermissions>(), application, kind),
            Views.Permission,
            permission => $"{verb} {permission.ResourceDisplayName} {permission.Value} ({permission.Type}): {permission.Description}"));
    }

    private static Task<CliResult> ListAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application =>
    {
        var status = await context.Get<AdminConsent>().StatusAsync(application, context.Tenant.Id, context.CancellationToken);
        return CliResult.Ok(new { value = status.Select(s => Views.PermissionStatus(s, context.Tenant)) }, Table(status, context));
    });

    /// <summary>The API permissions table: permissions grouped by API, with type, description, admin consent and status.</summary>
    public static string Table(IReadOnlyList<PermissionGrantStatus> status, VerbContext context)
    {
        var text = new StringBuilder("API / PERMISSIONS NAME\tTYPE\tDESCRIPTION\tADMIN CONSENT REQUIRED\tSTATUS");
        foreach (var api in status.GroupBy(s => s.Permission.ResourceDisplayName))
        {
            text.Append($"\n{api.Key} ({api.Count()})");
            foreach (var row in api)
            {
                var permission = row.Permission;
                text.Append($"\n  {permission.Value}\t{permission.Type}\t{permission.Description}\t{(permission.AdminConsentRequired ? "Yes" : "-")}\t{Views.StatusText(row, context.Tenant)}");
            }
        }

        return text.ToString();
    }
}
