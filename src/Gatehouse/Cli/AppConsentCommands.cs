using System.CommandLine;
using Gatehouse.DirectoryObjects.Consent;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app consent`: "Grant admin consent for {tenant}" (and its revocation).</summary>
internal static class AppConsentCommands
{
    private static readonly Option<bool> Revoke = new("--revoke") { Description = "Revoke admin consent instead of granting it." };

    public static Command Build(OpenDirectory open) =>
        Verb.Create("consent", "Grant admin consent for every permission the app requests.", open, ConsentAsync, AppCommands.App, Revoke);

    private static Task<CliResult> ConsentAsync(VerbContext context) => AppCommands.WithAppAsync(context, async application =>
    {
        var consent = context.Get<AdminConsent>();
        var result = context.Value(Revoke)
            ? await consent.RevokeAsync(application, context.Tenant.Id, context.CancellationToken)
            : await consent.GrantAsync(application, context.Tenant.Id, context.CancellationToken);
        return CliResult.From(result,
            status => new { value = status.Select(s => Views.PermissionStatus(s, context.Tenant)) },
            status => AppPermissionCommands.Table(status, context));
    });
}
