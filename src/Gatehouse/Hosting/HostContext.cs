namespace Gatehouse.Hosting;

/// <summary>
/// What a run of `gatehouse` reads besides its command line: the GATEHOUSE_* variables, and, when a test hosts
/// Gatehouse in its own process, the services it swaps in (a clock it moves) and the log sink that keeps each
/// server's log apart from the others'. The executable passes <see cref="FromProcess"/>.
/// </summary>
/// <param name="Variables">Environment variables by name; only GATEHOUSE_* ones are read.</param>
/// <param name="Services">Registered after Gatehouse's own services, so that a registration here wins.</param>
/// <param name="Log">Replaces the console logger; null keeps it.</param>
internal sealed record HostContext(
    IReadOnlyDictionary<string, string?> Variables,
    Action<IServiceCollection>? Services = null,
    ILoggerProvider? Log = null)
{
    public static HostContext FromProcess() => new(GatehouseConfiguration.ProcessVariables());
}
