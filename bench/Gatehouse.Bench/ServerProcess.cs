using System.Security.Cryptography;
using Gatehouse.TestHost;

namespace Gatehouse.Bench;

/// <summary>
/// `gatehouse serve` in its own process on a free loopback port, with a fresh data folder removed afterwards. A
/// process of its own, not an in-process host: the load generator must not share the server's garbage collector,
/// thread pool and JIT, or the numbers measure both at once, and the CPU split (<see cref="CpuWindow"/>) needs the
/// server's own process to read.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly GatehouseProcess process;
    private readonly bool ownsDataFolder;

    private ServerProcess(GatehouseProcess process, DirectoryInfo dataFolder, bool ownsDataFolder, StoreChoice store)
    {
        this.process = process;
        this.ownsDataFolder = ownsDataFolder;
        DataFolder = dataFolder;
        StoreArguments = ["--data", dataFolder.FullName, .. store.Arguments];
    }

    public Uri BaseAddress => process.BaseAddress;

    public DirectoryInfo DataFolder { get; }

    /// <summary>The --data and --store flags that point a CLI verb at this server's store.</summary>
    public IReadOnlyList<string> StoreArguments { get; }

    public int ProcessId => process.ProcessId;

    /// <summary>The server's last lines of output, for a failure report.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, process.Output.Split(Environment.NewLine).TakeLast(KeptOutputLines));

    /// <summary>Starts the server on a fresh data folder and waits until GET /healthz answers 200 over HTTPS.</summary>
    public static async Task<ServerProcess> StartAsync(StoreChoice store, CancellationToken cancellationToken)
    {
        var dataFolder = Directory.CreateTempSubdirectory("gatehouse-bench-");
        try
        {
            return await StartInAsync(dataFolder, store, cancellationToken, ownsDataFolder: true);
        }
        catch (BenchException)
        {
            dataFolder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Starts the server on <paramref name="dataFolder"/>, new or left by an earlier run, and waits until GET /healthz
    /// answers 200 over HTTPS; the folder is removed on disposal only when <paramref name="ownsDataFolder"/>.
    /// </summary>
    public static async Task<ServerProcess> StartInAsync(
        DirectoryInfo dataFolder, StoreChoice store, CancellationToken cancellationToken, bool ownsDataFolder = false)
    {
        var port = LoopbackPort.Free();
        try
        {
            var process = await GatehouseProcess.StartAsync(port, dataFolder.FullName,
                // Only the first start reads it; a strong one, since no one signs in.
                new Dictionary<string, string> { ["GATEHOUSE_ADMIN_PASSWORD"] = $"Bench-{RandomNumberGenerator.GetHexString(32)}-x1" },
                ["serve", "--urls", $"https://127.0.0.1:{port}", "--data", dataFolder.FullName, .. store.Arguments],
                cancellationToken);
            return new ServerProcess(process, dataFolder, ownsDataFolder, store);
        }
        catch (InvalidOperationException e)
        {
            throw new BenchException(e.Message);
        }
    }

    public PinnedServerClient Trust() => new(BaseAddress, process.Pin);

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        if (ownsDataFolder)
        {
            DataFolder.Delete(recursive: true);
        }
    }
}
