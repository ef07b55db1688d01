namespace Gatehouse.Bench;

/// <summary>A process's resident set now (VmRSS) and at its peak (VmHWM), from /proc/PID/status, in MiB.</summary>
internal sealed record ResidentMemory(double CurrentMiB, double PeakMiB)
{
    public static ResidentMemory Of(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return new ResidentMemory(Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    // The line reads "VmRSS:\t  123456 kB".
    private static double Field(string[] status, string name) =>
        long.Parse(status.Single(line => line.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture) / 1024.0;

    public override string ToString() => $"RSS {CurrentMiB,6:0} MiB, peak {PeakMiB,6:0} MiB";
}
