using System.Text.Json;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>Runs the real `gatehouse` command line in this process, on the store's clock, capturing what it prints.</summary>
internal static class GatehouseCli
{
    public static async Task<CliOutput> RunAsync(TestStore store, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var log = new CapturedOutput();
        var exitCode = await InProcessCommandLine.Build(store, environment: null, log).Parse([.. arguments, .. store.Arguments])
            .InvokeAsync(InProcessCommandLine.Console(output, error), TestContext.Current.CancellationToken);
        return new CliOutput(exitCode, output.ToString(), error.ToString(), log.ToString());
    }

    /// <summary>Runs a verb with --json and returns its object, failing the test if the verb failed.</summary>
    public static async Task<JsonElement> JsonAsync(TestStore store, params string[] arguments)
    {
        var result = await RunAsync(store, [.. arguments, "--json"]);
        Assert.True(result.ExitCode == 0, $"gatehouse {string.Join(' ', arguments)} failed: {result.Error}{result.Log}");
        return result.Json;
    }

    /// <summary>
    /// Runs a verb that must be refused: a non-zero exit, one line of reason on standard error and no stack trace.
    /// Returns the --json error's code and message.
    /// </summary>
    public static async Task<Refusal> RefusedAsync(TestStore store, params string[] arguments)
    {
        var result = await RunAsync(store, [.. arguments, "--json"]);
        Assert.True(result.ExitCode != 0, $"gatehouse {string.Join(' ', arguments)} was accepted: {result.Output}");
        OutputRules.AssertOneLineReason(result.Error);
        var error = result.Json.GetProperty("error");
        var refusal = new Refusal(error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
        Assert.Equal(refusal.Message, result.Error.Trim());
        return refusal;
    }

    /// <summary>`gatehouse app create --name NAME`: the new app's Application (client) ID.</summary>
    public static async Task<string> CreateAppAsync(TestStore store, string name = "Payroll") =>
        (await JsonAsync(store, "app", "create", "--name", name)).GetProperty("appId").GetString()!;

    public static Task<JsonElement> ShowAppAsync(TestStore store, string app) => JsonAsync(store, "app", "show", "--app", app);

    public static Task<JsonElement> AddSecretAsync(TestStore store, string app, string expires) =>
        JsonAsync(store, "app", "secret", "add", "--app", app, "--expires", expires);

    public static Task<JsonElement> ListSecretsAsync(TestStore store, string app) => JsonAsync(store, "app", "secret", "list", "--app", app);

    /// <summary>`gatehouse tenant export`: the tenant document as printed.</summary>
    public static async Task<string> ExportAsync(TestStore store, params string[] arguments)
    {
        var result = await RunAsync(store, ["tenant", "export", .. arguments]);
        Assert.True(result.ExitCode == 0, $"gatehouse tenant export failed: {result.Error}");
        return result.Output;
    }
}

/// <param name="Log">What the verb logged (errors only), which a launched process would print to standard error.</param>
internal sealed record CliOutput(int ExitCode, string Output, string Error, string Log)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement.Clone();
}

/// <summary>A refused verb's --json error: the code scripts branch on, and the reason a person reads.</summary>
internal sealed record Refusal(string Code, string Message);
