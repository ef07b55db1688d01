using System.Globalization;

namespace Gatehouse.Bench;

/// <summary>
/// CPU time (user + system, all threads) the server, this load generator and the whole machine spend between
/// <see cref="Start"/> and <see cref="Stop"/>, from /proc: with server and load on one machine, it shows how the cores
/// were shared, and whether anything else was running.
/// </summary>
internal sealed class CpuWindow(int serverProcessId)
{
    // /proc counts USER_HZ ticks, 100 a second on every Linux architecture .NET runs on (proc(5), times(2)).
    private const double TicksPerSecond = 100;

    private (long Server, long LoadGenerator, long Machine) atStart;

    public TimeSpan Server { get; private set; }

    public TimeSpan LoadGenerator { get; private set; }

    /// <summary>Busy time of every other process on the machine.</summary>
    public TimeSpan Others { get; private set; }

    public void Start() => atStart = Read();

    public void Stop()
    {
        var atStop = Read();
        Server = Seconds(atStop.Server - atStart.Server);
        LoadGenerator = Seconds(atStop.LoadGenerator - atStart.LoadGenerator);
        Others = Seconds(Math.Max(0, atStop.Machine - atStart.Machine - (atStop.Server - atStart.Server) - (atStop.LoadGenerator - atStart.LoadGenerator)));
    }

    private (long Server, long LoadGenerator, long Machine) Read() => (ProcessTicks(serverProcessId), ProcessTicks(Environment.ProcessId), MachineBusyTicks());

    private static TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    // /proc/<pid>/stat: utime (field 14) + stime (field 15). The command name (field 2) is in parentheses and may
    // hold spaces, so fields are counted from the last ')'.
    private static long ProcessTicks(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const int First = 3, UserTime = 14, SystemTime = 15;
        return Parse(fields[UserTime - First]) + Parse(fields[SystemTime - First]);
    }

    // /proc/stat's first line: cpu user nice system idle iowait irq softirq steal ...; busy is all but idle and iowait.
    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int[] busy = [1, 2, 3, 6, 7, 8];
        return busy.Sum(field => Parse(fields[field]));
    }

    private static long Parse(string ticks) => long.Parse(ticks, CultureInfo.InvariantCulture);
}
