using System.Diagnostics;
using System.Reflection;

namespace Gatehouse.Bench;

/// <summary>
/// The built server, src/Gatehouse/bin/{Configuration}/net10.0/gatehouse.dll, run with `dotnet` as `dotnet run` would.
/// The bench's project reference builds it in the bench's own configuration.
/// </summary>
internal static class GatehouseExecutable
{
    public static string Configuration { get; } =
        typeof(GatehouseExecutable).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Gatehouse", "bin", Configuration, "net10.0", "gatehouse.dll");
        if (!File.Exists(dll))
        {
            throw new BenchException($"{dll} is missing; run `dotnet build -c {Configuration}` first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The bench says everything on the command line; GATEHOUSE_* left in this shell must not change the store or URLs.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("GATEHOUSE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gatehouse.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new BenchException($"Gatehouse.slnx not found above {AppContext.BaseDirectory}.");
    }
}
