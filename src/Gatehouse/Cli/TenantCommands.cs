using System.CommandLine;
using System.Text.Json;
using Gatehouse.DirectoryObjects.Tenants;
using Gatehouse.DirectoryObjects.Transfer;

namespace Gatehouse.Cli;

/// <summary>`gatehouse tenant ...`: the declarative tenant document, and tenant policies.</summary>
internal static class TenantCommands
{
    private static readonly Argument<FileInfo> File = new("FILE") { Description = "Tenant document (JSON) to import." };
    private static readonly Option<string?> MaxSecretLifetime = new("--max-secret-lifetime")
    {
        Description = "Longest lifetime of a new client secret, in days, or 'off'.",
    };

    public static Command Build(OpenDirectory open)
    {
        var export = new Command("export", "Print the tenant as one JSON document: users, groups, apps, credentials, permissions and consent. Never a secret value or a private key.");
        export.SetAction(async (parseResult, cancellationToken) => await ExportAsync(parseResult, open, cancellationToken));
        return new Command("tenant", "The tenant as a whole.")
        {
            Verb.Create("show", "Show the tenant: its id, name, domains and the Azure subscription Resource Manager lists for it.", open, ShowAsync),
            export,
            Verb.Create("import", "Make the tenant what a document describes (all or nothing).", open, ImportAsync, File),
            Verb.Create("policy", "Set tenant policies.", open, PolicyAsync, MaxSecretLifetime),
        };
    }

    private static Task<CliResult> ShowAsync(VerbContext context)
    {
        var tenant = context.Tenant;
        var domains = tenant.Domains.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        var subscriptionId = TenantSubscription.IdOf(tenant.Id);
        return Task.FromResult(CliResult.Ok(
            new { tenantId = tenant.Id, displayName = tenant.DisplayName, defaultDomain = tenant.DefaultDomain, domains, subscriptionId },
            $"Tenant:       {tenant.Id}\nName:         {tenant.DisplayName}\nDomains:      {string.Join(", ", domains)}\nSubscription: {subscriptionId}"));
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
        var imported = await context.Get<TenantImport>().ImportAsync(content, context.CancellationToken);
        return imported.Succeeded
            ? CliResult.Ok(imported.Value, $"Imported tenant {imported.Value.TenantId}: {imported.Value.Users} users, {imported.Value.Groups} groups, {imported.Value.Applications} applications.")
            : CliResult.Fail(imported.Error);
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
