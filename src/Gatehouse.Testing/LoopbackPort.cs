using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Gatehouse.Testing;

/// <summary>
/// Ports for servers a test starts (Gatehouse itself, or the test's own API on Kestrel). A port is chosen below the kernel's ephemeral range: a port the kernel handed out
/// (asking it for port 0) is free only until the server binds it, and in that moment any outgoing connection of the
/// test run may be given the same number as its local port, so the server would fail with "address already in use".
/// Below the range only another listener can take it, and this process never hands the same port out twice.
/// </summary>
public static class LoopbackPort
{
    private const int Lowest = 10_000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A port on 127.0.0.1 that nothing listens on and that no other caller in this process was given.</summary>
    public static int Free()
    {
        var highest = EphemeralRangeStart() - 1;
        while (true)
        {
            var port = RandomNumberGenerator.GetInt32(Lowest, highest + 1);
            if (HandedOut.TryAdd(port, true) && CanBind(port))
            {
                return port;
            }
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port the kernel gives outgoing connections (Linux's net.ipv4.ip_local_port_range; 32768 elsewhere).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) ? File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0] : null;
        return int.TryParse(first, out var start) && start > Lowest + 1_000 ? start : 32_768;
    }
}
