using System.Net;
using System.Net.Sockets;

namespace Gatehouse.TestHost;

public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A free port other than <paramref name="taken"/>, which a server is about to bind.</summary>
    public static int FreeBesides(int taken)
    {
        while (true)
        {
            var port = Free();
            if (port != taken)
            {
                return port;
            }
        }
    }
}
