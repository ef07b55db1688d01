using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Gatehouse.Bench;

/// <summary>`gatehouse serve` in its own process on a free loopback port, with a fresh data folder removed afterwards.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int KeptOutputLines = 40;

    private readonly Process process;
    private readonly ConcurrentQueue<string> recentOutput = new();

    private ServerProcess(Process process, Uri baseAddress, DirectoryInfo dataFolder, StoreChoice store)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
        StoreArguments = ["--data", dataFolder.FullName, .. store.Arguments];
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
    }

    public Uri BaseAddress { get; }

    public DirectoryInfo DataFolder { get; }

    /// <summary>The --data and --store flags that point a CLI verb at this server's store.</summary>
    public IReadOnlyList<string> StoreArguments { get; }

    public int ProcessId => process.Id;

    /// <summary>The server's last lines of output, for a failure report.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, recentOutput);

    /// <summary>Starts the server and waits until GET /healthz answers 200 over HTTPS.</summary>
    public static async Task<ServerProcess> StartAsync(StoreChoice store, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"https://127.0.0.1:{FreePort()}/");
        var dataFolder = Directory.CreateTempSubdirectory("gatehouse-bench-");
        var start = GatehouseExecutable.StartInfo(
            ["serve", "--urls", baseAddress.GetLeftPart(UriPartial.Authority), "--data", dataFolder.FullName, .. store.Arguments],
            // Only the first start reads it; a strong one, since no one signs in.
            new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = $"Bench-{RandomNumberGenerator.GetHexString(32)}-x1" });
        var server = new ServerProcess(new Process { StartInfo = start }, baseAddress, dataFolder, store);
        try
        {
            server.process.Start();
            server.process.BeginOutputReadLine();
            server.process.BeginErrorReadLine();
            await server.WaitUntilHealthyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public PinnedServerClient Trust() => PinnedServerClient.FromPemFile(BaseAddress, Path.Combine(DataFolder.FullName, "tls.pem"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }

        process.Dispose();
        DataFolder.Delete(recursive: true);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var certificate = Path.Combine(DataFolder.FullName, "tls.pem");
        while (waited.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new BenchException($"gatehouse exited with {process.ExitCode} before it was healthy:{Environment.NewLine}{RecentOutput}");
            }

            if (File.Exists(certificate))
            {
                try
                {
                    using var client = Trust().Create(connections: 1);
                    using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or CryptographicException)
                {
                    // Not listening yet, or tls.pem is still being written.
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new BenchException($"gatehouse was not healthy within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is null)
        {
            return;
        }

        recentOutput.Enqueue(line.Data);
        while (recentOutput.Count > KeptOutputLines)
        {
            recentOutput.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
