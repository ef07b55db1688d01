using System.Diagnostics;

namespace Gatehouse.TestHost;

/// <summary>
/// The built server, run with `dotnet` as `dotnet run` would: the project reference to src/Gatehouse copies its
/// build (gatehouse.dll, its runtimeconfig and deps) next to every assembly that references this one, in the
/// referencing project's configuration; or, once <see cref="RunFrom"/> has named one, a published build.
/// </summary>
public static class GatehouseExecutable
{
    public static string Path { get; private set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "gatehouse.dll");

    /// <summary>Every later launch in this process runs the gatehouse.dll in <paramref name="folder"/> (a `dotnet publish` output).</summary>
    public static void RunFrom(string folder) => Path = System.IO.Path.Combine(folder, "gatehouse.dll");

    /// <summary>`dotnet gatehouse.dll ARGUMENTS` with exactly <paramref name="environment"/>'s GATEHOUSE_* and OTEL_* variables.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"{Path} is missing: build the project that references Gatehouse.TestHost.", Path);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The caller decides every GATEHOUSE_* and OTEL_* setting: none leaks in from the shell that runs the tests or the bench.
        foreach (var inherited in start.Environment.Keys
            .Where(k => k.StartsWith("GATEHOUSE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
