using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.TestHost;

/// <summary>
/// The real `gatehouse` command line, run inside the test's process over a <see cref="TestStore"/>: it reads only the
/// GATEHOUSE_* and OTEL_* variables the test gives (never the test process's own), the store's clock, and logs to the test's sink.
/// </summary>
internal static class InProcessCommandLine
{
    /// <summary>A stopped in-process server has open requests cut after this, not the host's default 30 s.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static RootCommand Build(TestStore store, IReadOnlyDictionary<string, string>? environment, ILoggerProvider log)
    {
        var variables = (environment ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var hosting = new CommandLineHosting(new HostContext(variables, services => services
            .AddSingleton<TimeProvider>(store.Clock)
            .Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout), log));
        return GatehouseCommandLine.Build(hosting.ServeAsync, hosting.OpenDirectoryAsync);
    }

    /// <summary>Output and error go to the test's writers; no Ctrl+C handler is installed in the test process.</summary>
    public static InvocationConfiguration Console(TextWriter output, TextWriter error) =>
        new() { Output = output, Error = error, ProcessTerminationTimeout = null };
}
