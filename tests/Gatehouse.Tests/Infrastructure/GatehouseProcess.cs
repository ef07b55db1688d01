using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gatehouse.Tests.Infrastructure;

/// <summary>The real `gatehouse` executable in its own process: the server on a loopback port, or a one-off command.</summary>
public sealed class GatehouseProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly StringBuilder output;

    private GatehouseProcess(Process process, StringBuilder output, Uri baseAddress, string? dataFolder)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    public string? DataFolder { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts `gatehouse serve` on a free loopback port and waits until /healthz answers over HTTPS.</summary>
    public static Task<GatehouseProcess> StartAsync(TestStore store, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var port = FreePort();
        return StartAsync(port, store.DataFolder, environment, ["serve", "--urls", $"https://127.0.0.1:{port}", .. store.Arguments, .. arguments]);
    }

    /// <summary>
    /// Starts `gatehouse` with exactly these arguments and environment (which name its port and data folder) and waits
    /// until https://127.0.0.1:<paramref name="port"/>/healthz answers, trusting the certificate in the data folder's
    /// tls.pem. A <paramref name="dataFolder"/> of null means --in-memory: there is no tls.pem to trust, so any
    /// certificate is accepted.
    /// </summary>
    public static async Task<GatehouseProcess> StartAsync(
        int port, string? dataFolder, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> arguments)
    {
        var baseAddress = new Uri($"https://127.0.0.1:{port}/");
        var output = new StringBuilder();
        var process = Launch(arguments, environment, output);
        var server = new GatehouseProcess(process, output, baseAddress, dataFolder);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"gatehouse exited with {process.ExitCode} before it was healthy:\n{server.Output}");
            }

            if (dataFolder is null || File.Exists(Path.Combine(dataFolder, "tls.pem")))
            {
                try
                {
                    using var client = server.CreateClient();
                    using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (CryptographicException)
                {
                    // tls.pem exists but is not whole yet: the server writes it in place, so a read can catch it half-written.
                }
            }

            await Task.Delay(50);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"gatehouse was not healthy within {StartTimeout}:\n{server.Output}");
    }

    /// <summary>Runs one command to completion (with its own environment, which in-process runs cannot have).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Launch(arguments, environment, output);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command that should have ended (a refused start) is serving instead: stop it, then fail.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"gatehouse {string.Join(' ', arguments)} did not exit within {StartTimeout}:\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>An HttpClient that trusts exactly the certificate the server wrote to tls.pem.</summary>
    public HttpClient CreateClient() => new(DataFolder is null ? AnyCertificateHandler() : TrustingHandler(DataFolder)) { BaseAddress = BaseAddress };

    public static HttpClientHandler TrustingHandler(string dataFolder)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dataFolder, "tls.pem")));
        var thumbprint = certificate.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static HttpClientHandler AnyCertificateHandler() => new()
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    };

    private static Process Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.GatehouseDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test decides every GATEHOUSE_* setting: none leaks in from the shell that runs the tests.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("GATEHOUSE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
