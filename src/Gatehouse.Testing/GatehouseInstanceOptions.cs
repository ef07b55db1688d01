namespace Gatehouse.Testing;

/// <summary>How <see cref="GatehouseInstance.StartAsync"/> starts Gatehouse.</summary>
public sealed record GatehouseInstanceOptions
{
    /// <summary>
    /// The variable naming the `gatehouse` to run when <see cref="Executable"/> is not set: a path to the tool's
    /// command or to a build's gatehouse.dll.
    /// </summary>
    public const string ExecutableVariable = "GATEHOUSE_EXECUTABLE";

    /// <summary>
    /// The `gatehouse` to run: the tool's command, or a gatehouse.dll (run with `dotnet`). When null: the path in
    /// GATEHOUSE_EXECUTABLE, else `gatehouse` on the PATH, else the global tool in ~/.dotnet/tools.
    /// </summary>
    public string? Executable { get; init; }

    /// <summary>Start with --allow-clock-offset, so <see cref="GatehouseInstance.AdvanceClockAsync"/> may move its clock.</summary>
    public bool AllowClockOffset { get; init; }

    /// <summary>More flags for `gatehouse serve` (for example `--tenant-domain`, `--proxy-urls`).</summary>
    public IReadOnlyList<string> ServeArguments { get; init; } = [];

    /// <summary>How long a start may take before it fails: a first start migrates the store and makes its keys.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
