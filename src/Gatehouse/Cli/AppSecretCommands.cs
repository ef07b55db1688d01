using System.CommandLine;
using System.Text;
using Gatehouse.DirectoryObjects.Credentials;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app secret ...`: Certificates &amp; secrets → Client secrets.</summary>
internal static class AppSecretCommands
{
    private static readonly Option<string?> Description = new("--description") { Description = "What the secret is for (the portal's Description)." };
    private static readonly Option<string> Expires = new("--expires")
    {
        Description = "1y, 2y, never (12/31/2299) or an ISO 8601 date.",
        DefaultValueFactory = _ => "2y",
    };

    private static readonly Option<Guid> KeyId = new("--key-id") { Description = "The secret's ID.", Required = true };

    public static Command Build(OpenDirectory open) => new("secret", "Client secrets.")
    {
        Verb.Create("add", "Create a client secret; its value is printed this once only.", open, AddAsync, AppCommands.App, Description, Expires),
        Verb.Create("list", "List client secrets (never their values).", open, ListAsync, AppCommands.App),
        Verb.Create("remove", "Delete a client secret.", open, RemoveAsync, AppCommands.App, KeyId),
    };

    private static async Task<CliResult> AddAsync(VerbContext context)
    {
        var application = await AppCommands.FindAsync(context);
        if (!application.Succeeded)
        {
            return CliResult.Fail(application.Error);
        }

        var added = await context.Get<ClientSecrets>().AddAsync(
            application.Value, context.ParseResult.GetValue(Description), context.Value(Expires), context.CancellationToken);
        if (!added.Succeeded)
        {
            return CliResult.Fail(added.Error);
        }

        var (credential, value) = added.Value;
        return CliResult.Ok(Views.Secret(credential, value), $"""
            Value:     {value}
            Secret ID: {credential.KeyId}
            Expires:   {Views.Date(credential.EndDateTime)}
            Copy the new client secret value. You won't be able to retrieve it after you leave this command.
            """);
    }

    private static async Task<CliResult> ListAsync(VerbContext context)
    {
        var application = await AppCommands.FindAsync(context);
        if (!application.Succeeded)
        {
            return CliResult.Fail(application.Error);
        }

        var secrets = application.Value.PasswordCredentials.OrderBy(c => c.StartDateTime).ToList();
        var text = new StringBuilder("DESCRIPTION\tEXPIRES\tVALUE\tSECRET ID");
        foreach (var secret in secrets)
        {
            text.Append($"\n{secret.DisplayName}\t{Views.Date(secret.EndDateTime)}\t{secret.Hint}{new string('*', 13)}\t{secret.KeyId}");
        }

        return CliResult.Ok(new { value = secrets.Select(s => Views.Secret(s, null)) }, text.ToString());
    }

    private static async Task<CliResult> RemoveAsync(VerbContext context)
    {
        var application = await AppCommands.FindAsync(context);
        if (!application.Succeeded)
        {
            return CliResult.Fail(application.Error);
        }

        var removed = await context.Get<ClientSecrets>().RemoveAsync(application.Value, context.Value(KeyId), context.CancellationToken);
        return removed.Succeeded
            ? CliResult.Ok(Views.Secret(removed.Value, null), $"Deleted the client secret {removed.Value.KeyId}.")
            : CliResult.Fail(removed.Error);
    }
}
