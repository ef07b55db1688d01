using System.CommandLine;
using Gatehouse.Connectors.Organizations;

namespace Gatehouse.Cli;

/// <summary>`gatehouse hub ...`: platform access to the connector hub.</summary>
internal static class HubCommands
{
    public static Command Build(OpenDirectory open) => new("hub", "The connector hub.")
    {
        new Command("secrets", "Organization and user secrets for the hub's Authorization header.")
        {
            Verb.Create("create", "Create an organization with one user and print their secrets (shown this once).", open, CreateSecretsAsync),
        },
    };

    private static async Task<CliResult> CreateSecretsAsync(VerbContext context)
    {
        var account = await context.Get<HubAccounts>().CreateAsync(context.CancellationToken);
        return CliResult.Ok(
            new
            {
                organizationId = account.OrganizationId,
                userId = account.UserId,
                organizationSecret = account.OrganizationSecret,
                userSecret = account.UserSecret,
                authorization = $"User {account.UserSecret}, Organization {account.OrganizationSecret}",
            },
            $"""
            Organization secret: {account.OrganizationSecret}
            User secret:         {account.UserSecret}
            Authorization:       User {account.UserSecret}, Organization {account.OrganizationSecret}
            The secrets are shown this once only; the hub keeps only their hashes.
            """);
    }
}
