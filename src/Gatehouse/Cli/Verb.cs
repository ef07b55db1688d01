using System.CommandLine;
using System.Text.Json;
using Gatehouse.DirectoryObjects.Logs;
using Gatehouse.DirectoryObjects.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Cli;

/// <summary>Runs a management verb: open the store, resolve the tenant, act, print.</summary>
internal static class Verb
{
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web);

    public static Command Create(
        string name, string description, OpenDirectory open, Func<VerbContext, Task<CliResult>> run, params Symbol[] arguments)
    {
        var command = new Command(name, description);
        foreach (var symbol in arguments)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var json = parseResult.GetValue(GlobalOptions.Json);
            var result = await RunAsync(parseResult, open, run, cancellationToken);
            await WriteAsync(result, json, parseResult.InvocationConfiguration);
            return result.ExitCode;
        });
        return command;
    }

    private static async Task<CliResult> RunAsync(
        ParseResult parseResult, OpenDirectory open, Func<VerbContext, Task<CliResult>> run, CancellationToken cancellationToken)
    {
        var opened = await open(parseResult, cancellationToken);
        if (!opened.Succeeded)
        {
            return CliResult.Fail(opened.Error);
        }

        await using var services = opened.Value;
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantLookup>()
            .ResolveAsync(parseResult.GetValue(GlobalOptions.Tenant), cancellationToken);
        if (!tenant.Succeeded)
        {
            return CliResult.Fail(tenant.Error);
        }

        AuditInitiator.Set(AuditInitiator.ManagementVerb);
        try
        {
            return await run(new VerbContext(parseResult, scope.ServiceProvider, tenant.Value, cancellationToken));
        }
        catch (DbUpdateException e)
        {
            // Another process changed the same objects between our read and our write (a unique key, a deleted row).
            // PostgreSQL's message goes on with a DETAIL paragraph; a refusal is one line.
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            return CliResult.Fail($"The change could not be saved: {reason}", "Conflict");
        }
    }

    private static async Task WriteAsync(CliResult result, bool json, InvocationConfiguration console)
    {
        if (json)
        {
            await console.Output.WriteLineAsync(JsonSerializer.Serialize(result.Json, JsonOutput));
        }

        if (result.ExitCode != 0)
        {
            await console.Error.WriteLineAsync(result.Text);
        }
        else if (!json)
        {
            await console.Output.WriteLineAsync(result.Text);
        }
    }
}

/// <summary>What a verb's handler works with.</summary>
internal sealed record VerbContext(ParseResult ParseResult, IServiceProvider Services, Tenant Tenant, CancellationToken CancellationToken)
{
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public T Value<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;
}
