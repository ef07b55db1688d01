using System.Reflection;

namespace Gatehouse.Bench;

/// <summary>The configuration the bench was built in, and so the server its project reference copied beside it.</summary>
internal static class BuildConfiguration
{
    public static string Name { get; } =
        typeof(BuildConfiguration).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
