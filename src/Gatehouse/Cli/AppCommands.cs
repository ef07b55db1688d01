using System.CommandLine;
using System.Text;
using Gatehouse.DirectoryObjects.Applications;

namespace Gatehouse.Cli;

/// <summary>`gatehouse app ...`: App registrations from the command line.</summary>
internal static class AppCommands
{
    public static readonly Option<string> App = new("--app") { Description = "Application (client) ID, object ID or unique name.", Required = true };

    private static readonly Option<string> Name = new("--name") { Description = "Display name.", Required = true };
    private static readonly Option<string[]> RedirectUri = new("--redirect-uri") { Description = "Web redirect URI (repeatable)." };
    private static readonly Option<string[]> SpaRedirectUri = new("--spa-redirect-uri") { Description = "Single-page application redirect URI (repeatable)." };
    private static readonly Option<string[]> PublicRedirectUri = new("--public-client-redirect-uri") { Description = "Mobile and desktop redirect URI (repeatable)." };
    private static readonly Option<bool> AllowPublicClientFlows = new("--allow-public-client-flows")
    {
        Description = "Allow public client flows (device code, password) without a client credential.",
    };

    private static readonly Option<bool> IdTokens = new("--enable-id-token-issuance")
    {
        Description = "Let the authorize endpoint issue ID tokens (response_type id_token, code id_token): Authentication's \"ID tokens\" box.",
    };

    private static readonly Option<bool> AccessTokens = new("--enable-access-token-issuance")
    {
        Description = "Let the authorize endpoint issue access tokens (response_type token, id_token token): Authentication's \"Access tokens\" box.",
    };

    private static readonly Option<string> Audience = new("--sign-in-audience")
    {
        Description = "Supported account types: AzureADMyOrg (default), AzureADMultipleOrgs, AzureADandPersonalMicrosoftAccount.",
        DefaultValueFactory = _ => Application.SingleTenant,
    };

    private static readonly Option<string> Id = new("--id") { Description = "Object ID or Application (client) ID of the deleted app.", Required = true };

    public static Command Build(OpenDirectory open)
    {
        var app = new Command("app", "App registrations: register apps, add secrets, certificates and permissions, grant consent.")
        {
            Verb.Create("create", "Register an application.", open, CreateAsync, Name, RedirectUri, SpaRedirectUri, PublicRedirectUri, Audience, AllowPublicClientFlows, IdTokens, AccessTokens),
            Verb.Create("list", "List the tenant's app registrations.", open, ListAsync),
            Verb.Create("show", "Show an app registration.", open, ShowAsync, App),
            Verb.Create("delete", "Delete an app registration (restorable for 30 days).", open, DeleteAsync, App),
            Verb.Create("deleted", "List deleted app registrations that can still be restored.", open, ListDeletedAsync),
            Verb.Create("restore", "Restore a deleted app registration.", open, RestoreAsync, Id),
            AppSecretCommands.Build(open),
            AppCertCommands.Build(open),
            AppPermissionCommands.Build(open),
            AppConsentCommands.Build(open),
            AppApiCommands.BuildApi(open),
            AppApiCommands.BuildScope(open),
            AppApiCommands.BuildRole(open),
        };
        return app;
    }

    /// <summary>Acts on the app named by --app in the verb's tenant, or reports why there is none.</summary>
    public static async Task<CliResult> WithAppAsync(VerbContext context, Func<Application, Task<CliResult>> act)
    {
        var found = await context.Get<ApplicationRegistrations>().FindAsync(context.Tenant.Id, context.Value(App), context.CancellationToken);
        return found.Succeeded ? await act(found.Value) : CliResult.Fail(found.Error);
    }

    private static async Task<CliResult> CreateAsync(VerbContext context)
    {
        var created = await context.Get<ApplicationRegistrations>().CreateAsync(
            context.Tenant.Id,
            new NewApplication(
                context.Value(Name),
                context.Value(Audience),
                context.ParseResult.GetValue(RedirectUri),
                context.ParseResult.GetValue(SpaRedirectUri),
                context.ParseResult.GetValue(PublicRedirectUri),
                AllowPublicClientFlows: context.ParseResult.GetValue(AllowPublicClientFlows),
                EnableIdTokenIssuance: context.ParseResult.GetValue(IdTokens),
                EnableAccessTokenIssuance: context.ParseResult.GetValue(AccessTokens)),
            context.CancellationToken);
        if (!created.Succeeded)
        {
            return CliResult.Fail(created.Error);
        }

        var application = created.Value;
        return CliResult.Ok(Views.Application(application), $"""
            Registered {application.DisplayName}
            Application (client) ID: {application.AppId}
            Object ID:               {application.Id}
            Directory (tenant) ID:   {context.Tenant.Id}
            """);
    }

    private static async Task<CliResult> ListAsync(VerbContext context)
    {
        var applications = await context.Get<ApplicationRegistrations>().ListAsync(context.Tenant.Id, context.CancellationToken);
        var text = new StringBuilder("DISPLAY NAME\tAPPLICATION (CLIENT) ID\tCREATED ON");
        foreach (var application in applications)
        {
            text.Append($"\n{application.DisplayName}\t{application.AppId}\t{Views.Date(application.CreatedDateTime)}");
        }

        return CliResult.Ok(new { value = applications.Select(Views.Application) }, text.ToString());
    }

    private static Task<CliResult> ShowAsync(VerbContext context) =>
        WithAppAsync(context, application => Task.FromResult(CliResult.Ok(Views.Application(application), Describe(application, context))));

    private static async Task<CliResult> DeleteAsync(VerbContext context)
    {
        var deleted = await context.Get<ApplicationRegistrations>().DeleteAsync(context.Tenant.Id, context.Value(App), context.CancellationToken);
        return CliResult.From(deleted, Views.Application, application =>
            $"Deleted {application.DisplayName}; it can be restored until {Views.Date(application.DeletedDateTime!.Value + ApplicationRegistrations.RestoreWindow)}.");
    }

    private static async Task<CliResult> ListDeletedAsync(VerbContext context)
    {
        var deleted = await context.Get<ApplicationRegistrations>().ListDeletedAsync(context.Tenant.Id, context.CancellationToken);
        var text = new StringBuilder("DISPLAY NAME\tAPPLICATION (CLIENT) ID\tDELETED ON");
        foreach (var application in deleted)
        {
            text.Append($"\n{application.DisplayName}\t{application.AppId}\t{Views.Date(application.DeletedDateTime!.Value)}");
        }

        return CliResult.Ok(new { value = deleted.Select(Views.Application) }, text.ToString());
    }

    private static async Task<CliResult> RestoreAsync(VerbContext context)
    {
        if (!Guid.TryParse(context.Value(Id), out var id))
        {
            return CliResult.Fail($"'{context.Value(Id)}' is not an ID.");
        }

        var restored = await context.Get<ApplicationRegistrations>().RestoreAsync(context.Tenant.Id, id, context.CancellationToken);
        return CliResult.From(restored, Views.Application, application => $"Restored {application.DisplayName} ({application.AppId}).");
    }

    private static string Describe(Application application, VerbContext context) => $"""
        Display name:            {application.DisplayName}
        Application (client) ID: {application.AppId}
        Object ID:               {application.Id}
        Directory (tenant) ID:   {context.Tenant.Id}
        Supported account types: {application.SignInAudience}
        Client credentials:      {application.KeyCredentials.Count} certificate, {application.PasswordCredentials.Count} secret
        Redirect URIs:           {application.WebRedirectUris.Count} web, {application.SpaRedirectUris.Count} spa, {application.PublicClientRedirectUris.Count} public client
        Application ID URI:      {string.Join(", ", application.IdentifierUris)}
        """;
}
