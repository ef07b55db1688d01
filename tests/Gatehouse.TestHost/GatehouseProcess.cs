using System.Diagnostics;
using System.Text;

namespace Gatehouse.TestHost;

/// <summary>
/// The real `gatehouse` executable in its own process: the server on a loopback port, or a one-off command. For the
/// tests of the executable itself (start-up, its refusals, flags, GATEHOUSE_* variables) and for the bench, whose load
/// generator must not share the server's garbage collector and thread pool.
/// </summary>
public sealed class GatehouseProcess : RunningGatehouse
{
    private readonly Process process;
    private readonly StringBuilder output;

    private GatehouseProcess(Process process, StringBuilder output, Uri baseAddress, string? dataFolder)
        : base(baseAddress, dataFolder)
    {
        this.process = process;
        this.output = output;
    }

    public int ProcessId => process.Id;

    public override string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts `gatehouse serve` on a free loopback port over the store and waits until /healthz answers over HTTPS.</summary>
    public static Task<GatehouseProcess> StartAsync(TestStore store, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var port = LoopbackPort.Free();
        return StartAsync(port, store.DataFolder, environment, ["serve", "--urls", $"https://127.0.0.1:{port}", .. store.Arguments, .. arguments]);
    }

    /// <summary>
    /// Starts `gatehouse` with exactly these arguments and environment (which name its port and data folder) and waits
    /// until https://127.0.0.1:<paramref name="port"/>/healthz answers, trusting the certificate in the data folder's
    /// tls.pem. A <paramref name="dataFolder"/> of null means --in-memory: there is no tls.pem to trust, so any
    /// certificate is accepted.
    /// </summary>
    public static async Task<GatehouseProcess> StartAsync(
        int port, string? dataFolder, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var output = new StringBuilder();
        var server = new GatehouseProcess(Launch(arguments, environment, output), output, new Uri($"https://127.0.0.1:{port}/"), dataFolder);
        string? problem;
        try
        {
            problem = await HealthProbe.WaitAsync(server.BaseAddress, dataFolder,
                () => server.process.HasExited ? $"exited with {server.process.ExitCode}" : null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw;
        }

        if (problem is null)
        {
            return server;
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"gatehouse {problem} before it was healthy:\n{server.Output}");
    }

    /// <summary>Runs one command to completion with exactly this environment's GATEHOUSE_* variables.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Launch(arguments, environment, output);
        using var timeout = new CancellationTokenSource(HealthProbe.StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command that should have ended (a refused start) is serving instead: stop it, then fail.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"gatehouse {string.Join(' ', arguments)} did not exit within {HealthProbe.StartTimeout}:\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Process Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, StringBuilder output)
    {
        var process = new Process { StartInfo = GatehouseExecutable.StartInfo(arguments, environment) };
        void Append(object _, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
