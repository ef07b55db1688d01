using System.Diagnostics;
using System.Text;

namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>
/// One bash that a test types commands into, as a person types them into a terminal: variables, aliases and
/// background jobs carry from one command to the next. Disposing it ends bash and everything it started.
/// </summary>
internal sealed class ShellSession : IDisposable
{
    private const string Marker = "@@gatehouse-exit ";

    private readonly Process process;

    private ShellSession(Process process) => this.process = process;

    /// <summary>Starts bash in <paramref name="home"/>, which is also its HOME, with no GATEHOUSE_* setting of the test run's.</summary>
    public static ShellSession Start(string home)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("GATEHOUSE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["HOME"] = home;
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var shell = new ShellSession(process);
        process.StandardInput.WriteLine("exec 2>&1; shopt -s expand_aliases");
        return shell;
    }

    /// <summary>Runs one command and returns its exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.WriteLineAsync($"printf '\\n{Marker}%s\\n' $?");
        await process.StandardInput.FlushAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                return (int.Parse(line[Marker.Length..], System.Globalization.CultureInfo.InvariantCulture), output.ToString().TrimEnd('\n'));
            }

            output.Append(line).Append('\n');
        }

        throw new InvalidOperationException($"bash ended while running: {command}\n{output}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
