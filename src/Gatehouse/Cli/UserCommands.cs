using System.CommandLine;
using Gatehouse.DirectoryObjects.Roles;
using Gatehouse.DirectoryObjects.Users;

namespace Gatehouse.Cli;

/// <summary>`gatehouse user ...`.</summary>
internal static class UserCommands
{
    private static readonly Option<string> Upn = new("--upn") { Description = "User principal name (alias@domain).", Required = true };
    private static readonly Option<string> Password = new("--password") { Description = "Initial password.", Required = true };
    private static readonly Option<string?> DisplayName = new("--display-name") { Description = "Display name." };
    private static readonly Option<string?> Role = new("--role") { Description = "Directory role to assign, e.g. \"Application Administrator\"." };

    public static Command Build(OpenDirectory open) => new("user", "Users.")
    {
        Verb.Create("create", "Create a user.", open, CreateAsync, Upn, Password, DisplayName, Role),
    };

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
}
