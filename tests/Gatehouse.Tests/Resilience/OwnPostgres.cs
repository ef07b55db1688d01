using System.Diagnostics;

namespace Gatehouse.Tests.Resilience;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, on a free loopback port) that the test may
/// stop and start again, as scripts/test starts its shared one; as root, PostgreSQL runs as the postgres user.
/// </summary>
internal sealed class OwnPostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string bin;
    private readonly string root;
    private readonly int port;
    private readonly bool asPostgresUser;

    private OwnPostgres(string bin, string root, int port, bool asPostgresUser)
    {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /// <summary>A connection string to the cluster's postgres database, for <see cref="TestStore.Postgres(string)"/>.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={port};Username=gatehouse;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=5";

    public static async Task<OwnPostgres> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("gatehouse-own-pg.").FullName;
        var cluster = new OwnPostgres(FindBin(), root, LoopbackPort.Free(), Environment.UserName == "root");
        try
        {
            if (cluster.asPostgresUser)
            {
                await RunAsync("chown", ["postgres", root]);
            }

            await cluster.RunAsPostgresAsync("initdb", ["-D", cluster.DataFolder, "-U", "gatehouse", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private string DataFolder => Path.Combine(root, "data");

    public Task StartServerAsync() => RunAsPostgresAsync("pg_ctl", [
        "-D", DataFolder, "-l", Path.Combine(root, "server.log"), "-w", "-t", "30", "start", "-o",
        $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"]);

    /// <summary>Stops the server at once, as a crash would: every connection is cut.</summary>
    public Task StopServerAsync() => RunAsPostgresAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await StopServerAsync();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private Task RunAsPostgresAsync(string tool, IReadOnlyList<string> arguments) => asPostgresUser
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
        : RunAsync(Path.Combine(bin, tool), arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await error}");
        }
    }

    /// <summary>Where initdb and pg_ctl are: on the PATH, or Debian's newest /usr/lib/postgresql/*/bin.</summary>
    private static string FindBin()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "initdb")).FirstOrDefault(File.Exists);
        var initdb = onPath is not null
            ? new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin", "initdb")).Where(File.Exists)
                    .OrderBy(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var major) ? major : 0).LastOrDefault()
                : null;
        return Path.GetDirectoryName(initdb ?? throw new InvalidOperationException("PostgreSQL's initdb was not found; scripts/test installs it."))!;
    }
}
