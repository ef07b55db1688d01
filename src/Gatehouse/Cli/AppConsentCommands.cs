using System.CommandLine;
using Gatehouse.DirectoryObjects.Consent;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app consent`: "Grant admin consent for {tenant}" (and its revocation).</summary>
internal static class AppConsentCommands
{
    private static readonly Option<bool> Revoke = new("--revoke") { Description = "Revoke admin consent instead of granting it." };

    public static Command Build(OpenDirectory open) =>
        Verb.Create("consent", "Grant admin consent for every permission the app requests.", open, ConsentAsync, AppCommands.App, Revoke);

    private static async Task<CliResult> ConsentAsync(VerbContext context)
    {
        var application = await AppCommands.FindAsync(context);
        if (!application.Succeeded)
        {
            return CliResult.Fail(application.Error);
        }

        var consent = context.Get<AdminConsent>();
        var result = context.Value(Revoke)
            ? await consent.RevokeAsync(application.Value, context.Tenant.Id, context.CancellationToken)
            : await consent.GrantAsync(application.Value, context.Tenant.Id, context.CancellationToken);
        return result.Succeeded
            ? CliResult.Ok(new { value = result.Value.Select(s => Views.PermissionStatus(s, context.Tenant)) }, AppPermissionCommands.Table(result.Value, context))
            : CliResult.Fail(result.Error);
    }
}
