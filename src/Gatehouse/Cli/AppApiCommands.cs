using System.CommandLine;
using Gatehouse.DirectoryObjects.Applications;
using Gatehouse.DirectoryObjects.Consent;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app api ...` and `gatehouse app role ...`: Expose an API and App roles.</summary>
internal static class AppApiCommands
{
    private static readonly Option<string[]> IdentifierUri = new("--identifier-uri") { Description = "Application ID URI (repeatable), e.g. api://{appId}." };
    private static readonly Option<int?> TokenVersion = new("--access-token-version") { Description = "Access token version the API accepts: 1 or 2." };
    private static readonly Option<string> Value = new("--value") { Description = "The value in tokens' roles claim.", Required = true };
    private static readonly Option<string> DisplayName = new("--display-name") { Description = "Display name.", Required = true };
    private static readonly Option<string?> Description = new("--description") { Description = "Description." };
    private static readonly Option<string[]> MemberTypes = new("--allowed-member-types")
    {
        Description = "Application, User or both (repeatable; default Application).",
        DefaultValueFactory = _ => ["Application"],
    };

    public static Command BuildApi(OpenDirectory open) => new("api", "Expose an API.")
    {
        Verb.Create("set", "Set the Application ID URIs and the access token version.", open, SetAsync, AppCommands.App, IdentifierUri, TokenVersion),
    };

    private static readonly Option<bool> AdminOnly = new("--admins-only") { Description = "Only administrators may consent (Who can consent: Admins only)." };

    public static Command BuildScope(OpenDirectory open) => new("scope", "Scopes defined by this API.")
    {
        Verb.Create("add", "Add a scope (a delegated permission other apps can request).", open, AddScopeAsync,
            AppCommands.App, Value, DisplayName, Description, AdminOnly),
    };

    private static readonly Option<string> Role = new("--role") { Description = "The app role's value.", Required = true };
    private static readonly Option<string?> User = new("--user") { Description = "The user's UPN or object ID (or --group)." };
    private static readonly Option<string?> Group = new("--group") { Description = "The group's object ID or display name (or --user); its members get the role." };

    public static Command BuildRole(OpenDirectory open) => new("role", "App roles.")
    {
        Verb.Create("add", "Create an app role (an application permission when members are applications).", open, AddRoleAsync,
            AppCommands.App, Value, DisplayName, Description, MemberTypes),
        Verb.Create("assign", "Assign a user or a group to an app role (Enterprise applications > Users and groups); it appears in their (or the members') tokens' roles.", open,
            AssignAsync, AppCommands.App, Role, User, Group),
        Verb.Create("unassign", "Remove a user's or a group's assignment to an app role.", open, UnassignAsync, AppCommands.App, Role, User, Group),
    };

    private static Task<CliResult> SetAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application =>
    {
        var api = context.Get<ExposedApi>();
        if (context.ParseResult.GetValue(IdentifierUri) is { Length: > 0 } uris
            && await api.SetIdentifierUrisAsync(application, uris, context.CancellationToken) is { Succeeded: false } uriError)
        {
            return CliResult.Fail(uriError.Error);
        }

        if (context.ParseResult.GetResult(TokenVersion) is not null
            && await api.SetAccessTokenVersionAsync(application, context.ParseResult.GetValue(TokenVersion), context.CancellationToken) is { Succeeded: false } versionError)
        {
            return CliResult.Fail(versionError.Error);
        }

        return CliResult.Ok(Views.Application(application),
            $"Application ID URIs: {string.Join(", ", application.IdentifierUris)}\nAccess token version: {application.RequestedAccessTokenVersion ?? 1}");
    });

    private static Task<CliResult> AddScopeAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application => CliResult.From(
        await context.Get<ExposedApi>().AddScopeAsync(application,
            new NewScope(context.Value(Value), context.Value(DisplayName), context.Value(AdminOnly), context.ParseResult.GetValue(Description)),
            context.CancellationToken),
        scope => scope,
        scope => $"Added scope {scope.Value} ({scope.Id})."));

    private static Task<CliResult> AddRoleAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application => CliResult.From(
        await context.Get<ExposedApi>().AddAppRoleAsync(application,
            new NewAppRole(context.Value(Value), context.Value(DisplayName), context.Value(MemberTypes), context.ParseResult.GetValue(Description)),
            context.CancellationToken),
        role => role,
        role => $"Added app role {role.Value} ({role.Id})."));

    private static Task<CliResult> AssignAsync(VerbContext context) => WithAssigneeAsync(context, async (application, assignee) => CliResult.From(
        await context.Get<UsersAndGroupsAssignments>().AssignAsync(context.Tenant.Id, application, context.Value(Role), assignee, context.CancellationToken),
        assignment => new { assignment.Id, appRoleId = assignment.AppRoleId, principalId = assignment.PrincipalId, principalType = assignment.PrincipalType.ToString(), resourceId = assignment.ResourceId },
        _ => $"Assigned {assignee.Name} to {context.Value(Role)} of {application.DisplayName}."));

    private static Task<CliResult> UnassignAsync(VerbContext context) => WithAssigneeAsync(context, async (application, assignee) => CliResult.From(
        await context.Get<UsersAndGroupsAssignments>().UnassignAsync(context.Tenant.Id, application, context.Value(Role), assignee, context.CancellationToken),
        removed => new { removed },
        removed => removed ? $"Removed {assignee.Name} from {context.Value(Role)}." : $"{assignee.Name} was not assigned to {context.Value(Role)}."));

    /// <summary>The app and exactly one of --user and --group.</summary>
    private static Task<CliResult> WithAssigneeAsync(VerbContext context, Func<Application, RoleAssignee, Task<CliResult>> run) =>
        (context.ParseResult.GetValue(User), context.ParseResult.GetValue(Group)) switch
        {
            ({ } user, null) => AppCommands.WithAppAsync(context, application => run(application, new RoleAssignee(user, IsGroup: false))),
            (null, { } group) => AppCommands.WithAppAsync(context, application => run(application, new RoleAssignee(group, IsGroup: true))),
            _ => Task.FromResult(CliResult.Fail("Give either --user or --group.")),
        };
}
