using System.Diagnostics;
using Gatehouse.TestHost;

namespace Gatehouse.Bench;

/// <summary>
/// `startup`: how long the server takes from process start to its first 200 from GET /healthz, on a new SQLite data
/// folder (the first start: store created, keys and certificates made) and again on the same folder (every later start);
/// of the bench's own build, or of a published one, compiled ahead of time as src/Gatehouse publishes.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(int runs, bool published, CancellationToken cancellationToken)
    {
        var store = new StoreChoice(StoreChoice.Sqlite, null);
        List<StartupTime> first = [];
        List<StartupTime> second = [];
        var publishFolder = published ? Directory.CreateTempSubdirectory("gatehouse-bench-publish-") : null;
        try
        {
            if (publishFolder is not null)
            {
                await PublishAsync(publishFolder.FullName, cancellationToken);
                GatehouseExecutable.RunFrom(publishFolder.FullName);
            }

            Console.WriteLine($"startup: {(published ? "published (ReadyToRun)" : BuildConfiguration.Name)} server, SQLite, {runs} runs each; {MachineLoad.Describe()}");
            for (var run = 0; run < runs; run++)
            {
                var dataFolder = Directory.CreateTempSubdirectory("gatehouse-bench-");
                try
                {
                    first.Add(await TimeToHealthyAsync(dataFolder, store, cancellationToken));
                    second.Add(await TimeToHealthyAsync(dataFolder, store, cancellationToken));
                }
                finally
                {
                    dataFolder.Delete(recursive: true);
                }
            }
        }
        catch (BenchException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        finally
        {
            publishFolder?.Delete(recursive: true);
        }

        Console.WriteLine(Line("first start (new data folder)", first));
        Console.WriteLine(Line("second start (same folder)", second));
        Console.WriteLine($"after: {MachineLoad.Describe()}");
        return 0;
    }

    private static async Task PublishAsync(string folder, CancellationToken cancellationToken)
    {
        Console.WriteLine($"publishing src/Gatehouse to {folder}");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(RepositoryPaths.Root, "src", "Gatehouse"), "-c", "Release", "-o", folder, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start) ?? throw new BenchException("dotnet publish did not start");
        var output = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new BenchException($"dotnet publish failed ({publish.ExitCode}):\n{await output}{await error}");
        }
    }

    /// <summary>
    /// Milliseconds from just before the process is launched to its first 200 from /healthz, and the CPU time the
    /// server had used by then, which another busy process on the machine skews far less than the wall clock.
    /// </summary>
    private static async Task<StartupTime> TimeToHealthyAsync(DirectoryInfo dataFolder, StoreChoice store, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var server = await ServerProcess.StartInAsync(dataFolder, store, cancellationToken);
        var wall = watch.Elapsed.TotalMilliseconds;
        using var process = Process.GetProcessById(server.ProcessId);
        return new StartupTime(wall, process.TotalProcessorTime.TotalMilliseconds);
    }

    private static string Line(string name, List<StartupTime> times) =>
        $"{name}: {Summary(times.Select(t => t.WallMilliseconds).ToList())} to healthy; server CPU {Summary(times.Select(t => t.CpuMilliseconds).ToList())}";

    private static string Summary(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return $"median {sorted[sorted.Count / 2]:0} ms (min {sorted[0]:0}, max {sorted[^1]:0}; {string.Join(", ", milliseconds.Select(m => m.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})";
    }

    private sealed record StartupTime(double WallMilliseconds, double CpuMilliseconds);
}
