using System.Diagnostics;
using System.Text.Json;

namespace Gatehouse.Bench;

/// <summary>A `gatehouse` management verb against the server's store, in its own process, with --json.</summary>
internal static class CliVerb
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<JsonElement> RunAsync(ServerProcess server, string[] verb, CancellationToken cancellationToken, TimeSpan? within = null)
    {
        var limit = within ?? DefaultTimeout;
        using var process = Process.Start(GatehouseExecutable.StartInfo([.. verb, .. server.StoreArguments, "--json"]))!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new BenchException($"gatehouse {string.Join(' ', verb)} did not finish within {limit.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new BenchException($"gatehouse {string.Join(' ', verb)} failed with {process.ExitCode}: {(await error).Trim()}");
        }

        using var json = JsonDocument.Parse(await output);
        return json.RootElement.Clone();
    }
}
