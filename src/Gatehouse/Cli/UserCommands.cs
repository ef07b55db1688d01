using System.CommandLine;
using System.Globalization;
using System.Text;
using Gatehouse.DirectoryObjects.Groups;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Cli;

/// <summary>`gatehouse user ...`: the admin center's Users from the command line.</summary>
internal static class UserCommands
{
    private static readonly Argument<string> Named = new("user") { Description = "Object ID or user principal name." };

    private static readonly Option<string> Upn = new("--upn") { Description = "User principal name (alias@domain).", Required = true };
    private static readonly Option<string> Password = new("--password") { Description = "Initial password.", Required = true };
    private static readonly Option<string?> NewPassword = new("--password") { Description = "The new password (default: one is made and shown once)." };
    private static readonly Option<string?> DisplayName = new("--display-name") { Description = "Display name." };
    private static readonly Option<string?> Role = new("--role") { Description = "Directory role to assign, e.g. \"Application Administrator\"." };
    private static readonly Option<bool?> AccountEnabled = new("--account-enabled") { Description = "true lets the user sign in; false blocks sign-in." };
    private static readonly Option<string?> JobTitle = new("--job-title") { Description = "Job title." };
    private static readonly Option<string?> Department = new("--department") { Description = "Department." };
    private static readonly Option<string?> Search = new("--search") { Description = "Only those whose display name or user principal name starts with this." };
    private static readonly Option<int> Top = new("--top") { Description = "At most this many (default 100).", DefaultValueFactory = _ => 100 };

    public static Command Build(OpenDirectory open) => new("user", "Users: create, list, show, update, delete, reset a password.")
    {
        Verb.Create("create", "Create a user.", open, CreateAsync, Upn, Password, DisplayName, Role),
        Verb.Create("list", "List the tenant's users by display name.", open, ListAsync, Search, Top),
        Verb.Create("show", "Show a user with their groups and directory roles.", open, ShowAsync, Named),
        Verb.Create("update", "Change a user's profile, or block or allow their sign-in.", open, UpdateAsync, Named, DisplayName, AccountEnabled, JobTitle, Department),
        Verb.Create("delete", "Delete a user: they leave their groups and roles, and their sessions and tokens stop working.", open, DeleteAsync, Named),
        new Command("password", "A user's password.")
        {
            Verb.Create("reset", "Reset a user's password; without --password one is made and shown once.", open, ResetPasswordAsync, Named, NewPassword),
        },
    };

    /// <summary>Acts on the user the verb names, or reports why there is none.</summary>
    private static async Task<CliResult> WithUserAsync(VerbContext context, Func<User, Task<CliResult>> act) =>
        await context.Get<UserAccounts>().FindAsync(context.Tenant.Id, context.Value(Named), context.CancellationToken) is { } user
            ? await act(user)
            : CliResult.Fail($"No user {context.Value(Named)} in tenant {context.Tenant.Id}.", "NotFound");

    private static async Task<CliResult> CreateAsync(VerbContext context)
    {
        var roleName = context.ParseResult.GetValue(Role);
        var role = roleName is null ? null : DirectoryRoleTemplate.Find(roleName);
        if (roleName is not null && role is null)
        {
            return CliResult.Fail($"'{roleName}' is not a directory role; use one of: {string.Join(", ", DirectoryRoleTemplate.All.Select(r => r.DisplayName))}.");
        }

        var created = await context.Get<UserAccounts>().CreateAsync(
            context.Tenant.Id,
            new NewUser(context.Value(Upn), context.Value(Password), context.ParseResult.GetValue(DisplayName)),
            context.CancellationToken);
        if (!created.Succeeded)
        {
            return CliResult.Fail(created.Error);
        }

        var user = created.Value;
        if (role is not null)
        {
            await context.Get<DirectoryRoleAssignments>().AddMemberAsync(context.Tenant.Id, role, user.Id, context.CancellationToken);
        }

        return CliResult.Ok(
            new { id = user.Id, userPrincipalName = user.UserPrincipalName, displayName = user.DisplayName, accountEnabled = user.AccountEnabled, roles = role is null ? [] : new[] { role.DisplayName } },
            $"Created {user.UserPrincipalName} ({user.Id}){(role is null ? "" : $", {role.DisplayName}")}.");
    }

    private static async Task<CliResult> ListAsync(VerbContext context)
    {
        var users = await context.Get<UserAccounts>().ListAsync(context.Tenant.Id, context.ParseResult.GetValue(Search), context.Value(Top), context.CancellationToken);
        var text = new StringBuilder("DISPLAY NAME\tUSER PRINCIPAL NAME\tOBJECT ID\tSIGN-IN");
        foreach (var user in users)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{user.DisplayName}\t{user.UserPrincipalName}\t{user.Id}\t{(user.AccountEnabled ? "allowed" : "blocked")}");
        }

        return CliResult.Ok(new { value = users.Select(View) }, text.ToString());
    }

    private static Task<CliResult> ShowAsync(VerbContext context) => WithUserAsync(context, async user =>
    {
        var groups = await context.Get<GroupMemberships>().TransitiveGroupsAsync(context.Tenant.Id, user.Id, securityEnabledOnly: false, includeHidden: true, context.CancellationToken);
        var roles = await context.Get<DirectoryRoleAssignments>().RolesOfAsync(context.Tenant.Id, user.Id, context.CancellationToken);
        return CliResult.Ok(
            new
            {
                user = View(user),
                groups = groups.Select(g => new { id = g.Id, displayName = g.DisplayName }),
                roles = roles.Select(r => r.DisplayName),
            },
            $"{user.DisplayName} <{user.UserPrincipalName}>\nObject ID: {user.Id}\nSign-in:   {(user.AccountEnabled ? "allowed" : "blocked")}\n" +
            $"Job title: {user.JobTitle ?? "-"}\nGroups:    {(groups.Count == 0 ? "-" : string.Join(", ", groups.Select(g => g.DisplayName)))}\n" +
            $"Roles:     {(roles.Count == 0 ? "-" : string.Join(", ", roles.Select(r => r.DisplayName)))}");
    });

    private static Task<CliResult> UpdateAsync(VerbContext context) => WithUserAsync(context, async user =>
        CliResult.From(
            await context.Get<UserAccounts>().UpdateAsync(context.Tenant.Id, user.Id, new UserChanges
            {
                DisplayName = context.ParseResult.GetValue(DisplayName),
                AccountEnabled = context.ParseResult.GetValue(AccountEnabled),
                JobTitle = context.ParseResult.GetValue(JobTitle),
                Department = context.ParseResult.GetValue(Department),
            }, context.CancellationToken),
            View,
            u => $"Updated {u.UserPrincipalName}."));

    private static Task<CliResult> DeleteAsync(VerbContext context) => WithUserAsync(context, async user =>
        CliResult.From(
            await context.Get<UserAccounts>().DeleteAsync(context.Tenant.Id, user.Id, context.CancellationToken),
            u => new { id = u.Id, userPrincipalName = u.UserPrincipalName, deleted = true },
            u => $"Deleted {u.UserPrincipalName}."));

    private static Task<CliResult> ResetPasswordAsync(VerbContext context) => WithUserAsync(context, async user =>
    {
        var given = context.ParseResult.GetValue(NewPassword);
        var password = given ?? AdministratorPassword.Generate();
        return CliResult.From(
            await context.Get<UserAccounts>().UpdateAsync(context.Tenant.Id, user.Id, new UserChanges { Password = password }, context.CancellationToken),
            u => new { id = u.Id, userPrincipalName = u.UserPrincipalName, password = given is null ? password : null },
            u => given is null
                ? $"New password of {u.UserPrincipalName} (shown once; Gatehouse keeps only its hash): {password}"
                : $"Password of {u.UserPrincipalName} reset.");
    });

    private static object View(User user) => new
    {
        id = user.Id,
        userPrincipalName = user.UserPrincipalName,
        displayName = user.DisplayName,
        accountEnabled = user.AccountEnabled,
        jobTitle = user.JobTitle,
        department = user.Department,
        createdDateTime = user.CreatedDateTime,
    };
}
