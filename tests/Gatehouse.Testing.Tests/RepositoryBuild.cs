using System.Reflection;
using System.Runtime.CompilerServices;

namespace Gatehouse.Testing.Tests;

/// <summary>
/// Where this repository's build of gatehouse is: these tests run it as an installed tool would be run, so the
/// library's tests need no `dotnet tool install` (the tool's own test does one). A GATEHOUSE_EXECUTABLE the run was
/// given (an installed tool, in CI) wins.
/// </summary>
internal static class RepositoryBuild
{
    public static string GatehouseDll { get; } = Metadata("GatehouseBuild");

    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>Debug or Release: the configuration src/Gatehouse was built in with these tests.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    [ModuleInitializer]
    internal static void RunThisBuild()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GatehouseInstanceOptions.ExecutableVariable)))
        {
            Environment.SetEnvironmentVariable(GatehouseInstanceOptions.ExecutableVariable, GatehouseDll);
        }
    }

    private static string Metadata(string key) =>
        typeof(RepositoryBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
