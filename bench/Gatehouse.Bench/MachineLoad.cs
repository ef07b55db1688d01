namespace Gatehouse.Bench;

/// <summary>The machine's load averages, printed beside numbers that a busy machine would skew.</summary>
internal static class MachineLoad
{
    public static string Describe() => File.Exists("/proc/loadavg")
        ? $"load average {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores"
        : $"load average unknown on {Environment.ProcessorCount} cores";
}
