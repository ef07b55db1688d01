using System.CommandLine;
using System.Text.Json;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Transfer;

namespace Gatehouse.Cli;

/// <summary>`gatehouse tenant ...`: tenants of the store, each with its first administrator; the declarative tenant document; tenant policies.</summary>
internal static class TenantCommands
{
    private static readonly Argument<FileInfo> File = new("FILE") { Description = "Tenant document (JSON) to import." };
    private static readonly Option<string> Mode = CreateModeOption();
    private static readonly Option<string> Name = new("--name") { Description = "The new tenant's name.", Required = true };
    private static readonly Option<string> Domain = new("--domain") { Description = "The new tenant's initial domain, such as fabrikam.onmicrosoft.com.", Required = true };
    private static readonly Option<Guid?> Id = new("--id") { Description = "The new tenant's ID (default: a new GUID)." };
    private static readonly Argument<string?> Named = new("tenant") { Description = "Tenant ID or domain (default: --tenant, else the default tenant).", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Argument<string> ToDelete = new("tenant") { Description = "Tenant ID or domain." };

    private static readonly Option<string?> MaxSecretLifetime = new("--max-secret-lifetime")
    {
        Description = "Longest lifetime of a new client secret, in days, or 'off'.",
    };

    private static Option<string> CreateModeOption()
    {
        var mode = new Option<string>("--mode")
        {
            Description = "merge (the default): add and update what the document lists, leave the rest alone; replace: make the tenant exactly the document.",
            DefaultValueFactory = _ => "merge",
        };
        mode.AcceptOnlyFromAmong("merge", "replace");
        return mode;
    }

    public static Command Build(OpenDirectory open)
    {
        var export = new Command("export", "Print the tenant as one JSON document: users, groups, apps, credentials, permissions and consent. Never a secret value or a private key.");
        export.SetAction(async (parseResult, cancellationToken) => await ExportAsync(parseResult, open, cancellationToken));
        return new Command("tenant", "The tenant as a whole.")
        {
            Verb.Create("create", "Create a tenant with its first administrator, admin@DOMAIN, whose password is printed this once only.", open, CreateAsync, Name, Domain, Id),
            Verb.Create("list", "List the store's tenants.", open, ListAsync),
            Verb.Create("show", "Show a tenant: its id, name, domains and the Azure subscription Resource Manager lists for it.", open, ShowAsync, Named),
            Verb.Create("delete", "Delete a tenant and everything in its directory (never the default tenant).", open, DeleteAsync, ToDelete),
            export,
            Verb.Create("import", "Merge a tenant document into its tenant, or with --mode replace make the tenant exactly the document (all or nothing).", open, ImportAsync, File, Mode),
            Verb.Create("policy", "Set tenant policies.", open, PolicyAsync, MaxSecretLifetime),
        };
    }

    private static async Task<CliResult> CreateAsync(VerbContext context)
    {
        var created = await context.Get<TenantSetup>().CreateAsync(
            context.ParseResult.GetValue(Id) ?? Guid.NewGuid(), context.Value(Name), context.Value(Domain), password: null, context.CancellationToken);
        return CliResult.From(created,
            c => new
            {
                tenantId = c.Tenant.Id, displayName = c.Tenant.DisplayName, defaultDomain = c.Tenant.DefaultDomain,
                administrator = new { id = c.Administrator.Id, userPrincipalName = c.Administrator.UserPrincipalName, password = c.GeneratedPassword },
            },
            c => $"Tenant {c.Tenant.Id} ({c.Tenant.DisplayName}, {c.Tenant.DefaultDomain}) created.\n"
                + $"First administrator: {c.Administrator.UserPrincipalName} with password {c.GeneratedPassword} (shown once).");
    }

    private static async Task<CliResult> ListAsync(VerbContext context)
    {
        var tenants = await context.Get<TenantLookup>().ListAsync(context.CancellationToken);
        var text = new System.Text.StringBuilder("ID\tNAME\tDEFAULT DOMAIN");
        foreach (var tenant in tenants)
        {
            text.Append($"\n{tenant.Id}\t{tenant.DisplayName}\t{tenant.DefaultDomain}");
        }

        return CliResult.Ok(
            new { value = tenants.Select(t => new { tenantId = t.Id, displayName = t.DisplayName, defaultDomain = t.DefaultDomain, createdDateTime = t.CreatedDateTime }) },
            text.ToString());
    }

    private static async Task<CliResult> DeleteAsync(VerbContext context)
    {
        var tenant = await context.Get<TenantLookup>().ResolveAsync(context.ParseResult.GetValue(ToDelete)!, context.CancellationToken);
        if (!tenant.Succeeded)
        {
            return CliResult.Fail(tenant.Error);
        }

        return CliResult.From(await context.Get<TenantRemoval>().DeleteAsync(tenant.Value, context.CancellationToken),
            t => new { tenantId = t.Id, deleted = true },
            t => $"Tenant {t.Id} ({t.DisplayName}) and everything in its directory deleted.");
    }

    private static async Task<CliResult> ShowAsync(VerbContext context)
    {
        var named = context.ParseResult.GetValue(Named) is { } idOrDomain
            ? await context.Get<TenantLookup>().ResolveAsync(idOrDomain, context.CancellationToken)
            : context.Tenant;
        if (!named.Succeeded)
        {
            return CliResult.Fail(named.Error);
        }

        var tenant = named.Value;
        var domains = tenant.Domains.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        var subscriptionId = TenantSubscription.IdOf(tenant.Id);
        return CliResult.Ok(
            new { tenantId = tenant.Id, displayName = tenant.DisplayName, defaultDomain = tenant.DefaultDomain, domains, subscriptionId },
            $"Tenant:       {tenant.Id}\nName:         {tenant.DisplayName}\nDomains:      {string.Join(", ", domains)}\nSubscription: {subscriptionId}");
    }

    // Export prints the document itself, with or without --json, so that `tenant export > file` round-trips.
    private static async Task<int> ExportAsync(ParseResult parseResult, OpenDirectory open, CancellationToken cancellationToken)
    {
        var console = parseResult.InvocationConfiguration;
        var opened = await open(parseResult, cancellationToken);
        if (!opened.Succeeded)
        {
            await console.Error.WriteLineAsync(opened.Error);
            return CliResult.Refused;
        }

        await using var services = opened.Value;
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantLookup>().ResolveAsync(parseResult.GetValue(GlobalOptions.Tenant), cancellationToken);
        if (!tenant.Succeeded)
        {
            await console.Error.WriteLineAsync(tenant.Error.Message);
            return CliResult.Refused;
        }

        var document = await scope.ServiceProvider.GetRequiredService<TenantExport>().ExportAsync(tenant.Value.Id, cancellationToken);
        await console.Output.WriteLineAsync(JsonSerializer.Serialize(document, TenantDocumentJson.Options));
        return 0;
    }

    private static async Task<CliResult> ImportAsync(VerbContext context)
    {
        var file = context.ParseResult.GetValue(File)!;
        if (!file.Exists)
        {
            return CliResult.Fail($"The file {file.FullName} does not exist.");
        }

        if (file.Length > TenantDocumentJson.MaximumBytes)
        {
            return CliResult.Fail($"The file {file.Name} is larger than {TenantDocumentJson.MaximumBytes / (1024 * 1024)} MB.");
        }

        var content = await System.IO.File.ReadAllBytesAsync(file.FullName, context.CancellationToken);
        var mode = context.Value(Mode) == "replace" ? ImportMode.Replace : ImportMode.Merge;
        var imported = await context.Get<TenantImport>().ImportAsync(content, mode, context.CancellationToken);
        if (!imported.Succeeded)
        {
            return CliResult.Fail(imported.Error);
        }

        var summary = imported.Value;
        var text = $"Imported tenant {summary.TenantId} ({summary.Mode}): {summary.Users} users, {summary.Groups} groups, {summary.Applications} applications.";
        return CliResult.Ok(summary, summary.AdministratorPasswordFileRemoved
            ? text + $"\n{AdministratorPasswordFile.FileName} was removed: its password signs in no Global Administrator any more."
            : text);
    }

    private static async Task<CliResult> PolicyAsync(VerbContext context)
    {
        var text = context.ParseResult.GetValue(MaxSecretLifetime);
        if (text is null)
        {
            return CliResult.Ok(new { maxSecretLifetimeDays = context.Tenant.MaxSecretLifetimeDays },
                $"Maximum client secret lifetime: {(context.Tenant.MaxSecretLifetimeDays is { } d ? $"{d} days" : "off")}");
        }

        int? days = text.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : int.TryParse(text.TrimEnd('d'), out var parsed) ? parsed : 0;
        var updated = await context.Get<TenantPolicies>().SetMaxSecretLifetimeAsync(context.Tenant.Id, days, context.CancellationToken);
        return updated.Succeeded
            ? CliResult.Ok(new { maxSecretLifetimeDays = updated.Value.MaxSecretLifetimeDays },
                $"Maximum client secret lifetime: {(updated.Value.MaxSecretLifetimeDays is { } limit ? $"{limit} days" : "off")}")
            : CliResult.Fail(updated.Error);
    }
}
