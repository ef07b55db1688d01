using System.CommandLine;
using Gatehouse.DirectoryObjects.ManagedIdentities;
using Gatehouse.DirectoryObjects.ServicePrincipals;

namespace Gatehouse.Cli;

/// <summary>`gatehouse identity ...`: managed identities.</summary>
internal static class IdentityCommands
{
    private static readonly Option<string> Name = new("--name") { Description = "The identity's name (3 to 128 letters, digits, - and _).", Required = true };
    private static readonly Option<bool> UserAssigned = new("--user-assigned") { Description = "A user-assigned identity (no identity header of its own)." };
    private static readonly Option<string> Identity = new("--identity") { Description = "Client ID, object ID or name of the identity.", Required = true };
    private static readonly Option<string> Api = new("--api") { Description = "The API: \"Microsoft Graph\", an App ID URI or an appId.", Required = true };
    private static readonly Option<string> Permission = new("--permission") { Description = "Application permission name (e.g. User.Read.All) or ID.", Required = true };

    public static Command Build(OpenDirectory open) => new("identity", "Managed identities.")
    {
        Verb.Create("create", "Create a managed identity; a system-assigned one's identity header is shown once.", open, CreateAsync, Name, UserAssigned),
        Verb.Create("grant", "Grant the identity an application permission of an API.", open, GrantAsync, Identity, Api, Permission),
    };

    private static async Task<CliResult> CreateAsync(VerbContext context)
    {
        var created = await context.Get<ManagedIdentityDirectory>().CreateAsync(
            context.Tenant.Id, context.Value(Name), context.ParseResult.GetValue(UserAssigned), context.CancellationToken);
        return CliResult.From(created, View, c => Text(c));
    }

    private static async Task<CliResult> GrantAsync(VerbContext context)
    {
        var identities = context.Get<ManagedIdentityDirectory>();
        var identity = await identities.FindAsync(context.Tenant.Id, context.Value(Identity), context.CancellationToken);
        if (!identity.Succeeded)
        {
            return CliResult.Fail(identity.Error);
        }

        return CliResult.From(
            await identities.GrantAsync(identity.Value, context.Value(Api), context.Value(Permission), context.CancellationToken),
            a => new { id = a.Id, principalId = a.PrincipalId, resourceId = a.ResourceId, appRoleId = a.AppRoleId },
            _ => $"Granted {context.Value(Permission)} on {context.Value(Api)} to {identity.Value.DisplayName}.");
    }

    private static object View(NewManagedIdentity created)
    {
        var identity = created.Identity;
        return new
        {
            clientId = identity.AppId,
            principalId = identity.Id,
            displayName = identity.DisplayName,
            type = identity.ManagedIdentityType,
            tenantId = identity.TenantId,
            servicePrincipalType = identity.ServicePrincipalType,
            resourceId = ResourceId(identity),
            identityHeader = created.IdentityHeader,
        };
    }

    private static string Text(NewManagedIdentity created)
    {
        var identity = created.Identity;
        var lines = $"Created {identity.ManagedIdentityType} managed identity {identity.DisplayName}\nClient ID:    {identity.AppId}\nPrincipal ID: {identity.Id}";
        return (ResourceId(identity), created.IdentityHeader) switch
        {
            ({ } resourceId, _) => $"{lines}\nResource ID:  {resourceId}",
            (_, { } header) => $"{lines}\nIdentity header: {header}          ← shown this once only",
            _ => lines,
        };
    }

    private static string? ResourceId(ServicePrincipal identity) =>
        identity.ManagedIdentityType == ManagedIdentityDirectory.UserAssigned ? ManagedIdentityResourceId.Format(identity.TenantId, identity.DisplayName) : null;
}
