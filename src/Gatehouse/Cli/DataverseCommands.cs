using System.CommandLine;
using Gatehouse.Dataverse.Security;
using Gatehouse.Dataverse.Users;

namespace Gatehouse.Cli;

/// <summary>`gatehouse dataverse ...`: the tenant's Dataverse environment.</summary>
internal static class DataverseCommands
{
    private static readonly Option<string> App = new("--app") { Description = "Application (client) ID, object ID or unique name.", Required = true };
    private static readonly Option<string> Role = new("--role")
    {
        Description = $"Security role: {string.Join(" or ", SecurityRole.All.Select(r => $"\"{r.Name}\""))}.",
        Required = true,
    };

    public static Command Build(OpenDirectory open) => new("dataverse", "The tenant's Dataverse environment.")
    {
        new Command("app-user", "Application users: the system users app-only tokens act as.")
        {
            Verb.Create("add", "Make an app an application user with a security role.", open, AddAsync, App, Role),
        },
    };

    private static async Task<CliResult> AddAsync(VerbContext context)
    {
        var added = await context.Get<ApplicationUsers>().AddAsync(context.Tenant.Id, context.Value(App), context.Value(Role), context.CancellationToken);
        return CliResult.From(
            added,
            user => new
            {
                systemuserid = user.Id,
                applicationid = user.ApplicationId,
                fullname = user.FullName,
                roles = user.Roles.Select(r => SecurityRole.Find(r.RoleId)?.Name).ToArray(),
            },
            user => $"{user.FullName} ({user.ApplicationId}) is an application user with {string.Join(", ", user.Roles.Select(r => SecurityRole.Find(r.RoleId)?.Name))}.");
    }
}
