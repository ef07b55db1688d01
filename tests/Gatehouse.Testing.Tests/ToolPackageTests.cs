using System.Diagnostics;
using System.IdentityModel.Tokens.Jwt;
using System.Reflection;
using Microsoft.Identity.Client;
using Orders.Api.Tests;

namespace Gatehouse.Testing.Tests;

/// <summary>
/// The .NET tool as a user gets it: `dotnet pack` of src/Gatehouse into a local folder, then README's walk-through
/// (install, --version, serve, register an app with the CLI, a token with curl) run by bash, installing from that folder
/// only; then the installed tool under Gatehouse.Testing, with a token from MSAL.
/// </summary>
public sealed class ToolPackageTests
{
    public static readonly string Version =
        typeof(GatehouseInstance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Fact]
    public async Task The_packed_tool_installs_from_a_local_folder_serves_and_issues_tokens()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("gatehouse-tool-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var toolPath = Path.Combine(work.FullName, "tools");
            await RunAsync("dotnet", ["pack", Path.Combine(RepositoryBuild.Root, "src", "Gatehouse"), "-c", RepositoryBuild.Configuration, "--no-build", "-o", feed], work.FullName, cancellation);
            var package = new FileInfo(Path.Combine(feed, $"Gatehouse.{Version}.nupkg"));
            Assert.True(package.Exists, $"{package.FullName} was not made");

            // README installs globally from nuget.org; here into a folder, from the local feed alone, on a free port.
            var script = ReadmeExamples.ToolScript
                .Replace("--global", $"--tool-path {toolPath} --source {feed}", StringComparison.Ordinal)
                .Replace(":5443", $":{LoopbackPort.Free()}", StringComparison.Ordinal);
            var printed = await RunAsync("bash", ["-e", "-o", "pipefail", "-c", $"export PATH={toolPath}:$PATH\ntrap 'kill $(jobs -p) 2>/dev/null' EXIT\n{script}"],
                work.FullName, cancellation);
            var lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(Version, lines);
            Assert.True(lines[^1].Split('.').Length == 3, $"The walk-through's last line is not a token:\n{printed}");
            Assert.Contains("User.Read.All", Roles(lines[^1]));

            var started = Stopwatch.StartNew();
            await using var entra = await GatehouseInstance.StartAsync(
                new GatehouseInstanceOptions { Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "gatehouse.exe" : "gatehouse") }, cancellation);
            var startup = started.Elapsed;
            var client = await entra.RegisterApplicationAsync("Tool client", [new ApiPermission("Microsoft Graph", "User.Read.All")], cancellation);
            await entra.GrantAdminConsentAsync(client, cancellation);
            var msal = ConfidentialClientApplicationBuilder.Create(client.AppId)
                .WithAuthority(entra.Authority, validateAuthority: false)
                .WithInstanceDiscovery(false)
                .WithClientSecret(client.ClientSecret)
                .WithHttpClientFactory(new GatehouseHttpClientFactory(entra))
                .Build();

            var token = await msal.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync(cancellation);

            Assert.Contains("User.Read.All", Roles(token.AccessToken));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Gatehouse.{Version}.nupkg: {package.Length / 1024.0 / 1024.0:F1} MiB; the installed tool from start to /healthz OK: {startup.TotalSeconds:F1} s");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Roles(string accessToken) =>
        new JwtSecurityTokenHandler().ReadJwtToken(accessToken).Claims.Where(c => c.Type == "roles").Select(c => c.Value);

    /// <summary>Runs a command to its end in <paramref name="folder"/>, with no GATEHOUSE_* variable of this process; fails the test unless it exits with 0.</summary>
    private static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string folder, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("GATEHOUSE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output}{await error}");
        return await output;
    }
}
