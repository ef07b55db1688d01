using System.CommandLine;
using System.Text;
using Gatehouse.DirectoryObjects.Applications;
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
    private static readonly Option<string?> OwningApp = new("--app") { Description = "Application (client) ID, object ID or unique name (default: the app holding the secret)." };

    public static Command Build(OpenDirectory open) => new("secret", "Client secrets.")
    {
        Verb.Create("add", "Create a client secret; its value is printed this once only.", open, AddAsync, AppCommands.App, Description, Expires),
        Verb.Create("list", "List client secrets (never their values).", open, ListAsync, AppCommands.App),
        Verb.Create("remove", "Delete a client secret, named by its ID (--app is optional).", open, RemoveAsync, OwningApp, KeyId),
    };

    private static Task<CliResult> AddAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application =>
    {
        var added = await context.Get<ClientSecrets>().AddAsync(
            application, context.ParseResult.GetValue(Description), context.Value(Expires), context.CancellationToken);
        return CliResult.From(added, secret => Views.Secret(secret.Credential, secret.SecretText), secret => $"""
            Value:     {secret.SecretText}
            Secret ID: {secret.Credential.KeyId}
            Expires:   {Views.Date(secret.Credential.EndDateTime)}
            Copy the new client secret value. You won't be able to retrieve it after you leave this command.
            """);
    });

    private static Task<CliResult> ListAsync(VerbContext context) => AppCommands.WithAppAsync(context, application =>
    {
        var secrets = application.PasswordCredentials.OrderBy(c => c.StartDateTime).ToList();
        var text = new StringBuilder("DESCRIPTION\tEXPIRES\tVALUE\tSECRET ID");
        foreach (var secret in secrets)
        {
            text.Append($"\n{secret.DisplayName}\t{Views.Date(secret.EndDateTime)}\t{secret.Hint}{new string('*', 13)}\t{secret.KeyId}");
        }

        return Task.FromResult(CliResult.Ok(new { value = secrets.Select(s => Views.Secret(s, null)) }, text.ToString()));
    });

    private static async Task<CliResult> RemoveAsync(VerbContext context)
    {
        var applications = context.Get<ApplicationRegistrations>();
        var keyId = context.Value(KeyId);
        var found = context.ParseResult.GetValue(OwningApp) is { } reference
            ? await applications.FindAsync(context.Tenant.Id, reference, context.CancellationToken)
            : await applications.FindBySecretAsync(context.Tenant.Id, keyId, context.CancellationToken);
        return found.Succeeded
            ? CliResult.From(
                await context.Get<ClientSecrets>().RemoveAsync(found.Value, keyId, context.CancellationToken),
                secret => Views.Secret(secret, null),
                secret => $"Deleted the client secret {secret.KeyId}.")
            : CliResult.Fail(found.Error);
    }
}
