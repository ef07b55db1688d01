namespace Gatehouse.TestHost;

/// <summary>
/// `gatehouse serve` run inside the test's process, through the same command line and the same app as the executable:
/// real Kestrel with HTTPS on a loopback port, the real certificate from the data folder, the real store. What differs
/// is what a test must control: only the GATEHOUSE_* variables it passes, the store's <see cref="TestClock"/>, and
/// output and log captured per server (<see cref="Output"/>) instead of the console.
/// </summary>
public sealed class InProcessGatehouse : RunningGatehouse
{
    private readonly CapturedOutput output;
    private readonly CancellationTokenSource stop;
    private readonly Task<int> run;

    private InProcessGatehouse(Uri baseAddress, Uri? proxyAddress, string dataFolder, CapturedOutput output, CancellationTokenSource stop, Task<int> run)
        : base(baseAddress, dataFolder, proxyAddress)
    {
        this.output = output;
        this.stop = stop;
        this.run = run;
    }

    public override string Output => output.ToString();

    /// <summary>Starts a server over the store on a free loopback port and waits until /healthz answers over HTTPS.</summary>
    /// <param name="environment">GATEHOUSE_* and OTEL_* settings, as a launched process would have them in its environment.</param>
    /// <param name="arguments">More flags after serve's --urls and the store's.</param>
    public static Task<InProcessGatehouse> StartAsync(
        TestStore store, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments) =>
        StartAsync(store, withProxy: false, environment, arguments);

    /// <summary>
    /// As <see cref="StartAsync(TestStore, IReadOnlyDictionary{string, string}?, string[])"/>, with the proxy for
    /// Microsoft's hosts on a second free loopback port (<see cref="RunningGatehouse.ProxyAddress"/>).
    /// </summary>
    public static Task<InProcessGatehouse> StartWithProxyAsync(
        TestStore store, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments) =>
        StartAsync(store, withProxy: true, environment, arguments);

    private static async Task<InProcessGatehouse> StartAsync(
        TestStore store, bool withProxy, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var port = LoopbackPort.Free();
        var proxyPort = withProxy ? LoopbackPort.Free() : (int?)null;
        string[] proxy = proxyPort is { } proxyAt ? ["--proxy-urls", $"http://127.0.0.1:{proxyAt}"] : [];
        var output = new CapturedOutput();
        var command = InProcessCommandLine.Build(store, environment, output)
            .Parse(["serve", "--urls", $"https://127.0.0.1:{port}", .. proxy, .. store.Arguments, .. arguments]);
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => command.InvokeAsync(InProcessCommandLine.Console(output, output), stop.Token), CancellationToken.None);
        var server = new InProcessGatehouse(new Uri($"https://127.0.0.1:{port}/"),
            proxyPort is { } at ? new Uri($"http://127.0.0.1:{at}/") : null, store.DataFolder, output, stop, run);
        var problem = await HealthProbe.WaitAsync(server.BaseAddress, store.DataFolder,
            () => run.IsCompleted ? $"stopped ({Ended(run)})" : null, CancellationToken.None);
        if (problem is null)
        {
            return server;
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"gatehouse serve {problem} before it was healthy:\n{server.Output}");
    }

    public override async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Stopped while it was still starting.
        }

        stop.Dispose();
        output.Dispose();
    }

    private static string Ended(Task<int> run) => run.IsCompletedSuccessfully ? $"exit code {run.Result}" : run.Exception?.GetBaseException().Message ?? "cancelled";
}
