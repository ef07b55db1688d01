using System.Text.Json;

namespace Gatehouse.Tests.UnchangedClients;

/// <summary>
/// Debian's Azure CLI (`az`), unchanged and in the public cloud, with a configuration folder of its own, reaching
/// Microsoft's hosts only through Gatehouse's proxy (README.md, "Use it with unchanged clients").
/// </summary>
internal sealed class AzureCli : IDisposable
{
    public const string Program = "/usr/bin/az";

    private readonly DirectoryInfo configuration = Directory.CreateTempSubdirectory("gatehouse-az-");
    private readonly Dictionary<string, string> environment;

    /// <param name="proxied">The proxy and trust variables every client process of a test gets (<see cref="ProxiedProcess.Environment"/>).</param>
    public AzureCli(IReadOnlyDictionary<string, string> proxied)
    {
        environment = new Dictionary<string, string>(proxied)
        {
            ["AZURE_CONFIG_DIR"] = configuration.FullName,
            // `az ad app credential reset --create-cert` writes the new certificate and its key to the home folder.
            ["HOME"] = configuration.FullName,
            ["AZURE_CORE_COLLECT_TELEMETRY"] = "false",
            ["AZURE_CORE_OUTPUT"] = "json",
            ["AZURE_CORE_NO_COLOR"] = "true",
            ["AZURE_CORE_SURVEY_MESSAGE"] = "false",
        };
    }

    /// <summary>Runs `az ARGUMENTS`; fails the test with everything az printed unless it succeeds.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        var result = await ProxiedProcess.RunAsync(Program, arguments, environment);
        Assert.True(result.ExitCode == 0, $"az {string.Join(' ', arguments)}: {result}");
        return result.Output;
    }

    /// <summary>Runs `az ARGUMENTS` and reads its JSON output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments) =>
        JsonDocument.Parse(await RunAsync(arguments)).RootElement.Clone();

    public Task<ProcessResult> TryAsync(params string[] arguments) => ProxiedProcess.RunAsync(Program, arguments, environment);

    public void Dispose() => configuration.Delete(recursive: true);
}
