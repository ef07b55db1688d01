using System.Diagnostics;
using System.Text;

namespace Gatehouse.Testing;

/// <summary>How to run the `gatehouse` an instance uses: the tool's command, or a build's gatehouse.dll with `dotnet`.</summary>
internal sealed class GatehouseCommand
{
    private readonly string fileName;
    private readonly IReadOnlyList<string> leadingArguments;

    private GatehouseCommand(string fileName, IReadOnlyList<string> leadingArguments)
    {
        this.fileName = fileName;
        this.leadingArguments = leadingArguments;
    }

    public static GatehouseCommand Find(string? executable)
    {
        var named = executable ?? Environment.GetEnvironmentVariable(GatehouseInstanceOptions.ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return named.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? new GatehouseCommand("dotnet", [Path.GetFullPath(named)])
                : new GatehouseCommand(named, []);
        }

        return new GatehouseCommand(OnPath() ?? InGlobalTools() ?? throw new InvalidOperationException(
            "gatehouse was not found: install the tool (dotnet tool install --global Gatehouse), or name it in "
            + $"GatehouseInstanceOptions.Executable or {GatehouseInstanceOptions.ExecutableVariable}."), []);
    }

    /// <summary>A process of `gatehouse ARGUMENTS` whose output and error go to <paramref name="output"/> and <paramref name="error"/>, line by line.</summary>
    public Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, StringBuilder output, StringBuilder error)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in leadingArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Only the instance's settings: a GATEHOUSE_* variable of the shell running the tests must not point it at another store.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("GATEHOUSE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(error, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs `gatehouse ARGUMENTS` to its end: its exit code, standard output and standard error.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = Start(arguments, environment, output, error);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // WaitForExitAsync returns once the output's last line has been read.
        return (process.ExitCode, Read(output), Read(error));
    }

    /// <summary>What <paramref name="lines"/> holds so far; the process may still be writing to it.</summary>
    public static string Read(StringBuilder lines)
    {
        lock (lines)
        {
            return lines.ToString();
        }
    }

    private static void Append(StringBuilder lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.AppendLine(line);
            }
        }
    }

    private static string? OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, ToolFileName))
            .FirstOrDefault(File.Exists);

    private static string? InGlobalTools()
    {
        var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", ToolFileName);
        return File.Exists(path) ? path : null;
    }

    private static string ToolFileName => OperatingSystem.IsWindows() ? "gatehouse.exe" : "gatehouse";
}
