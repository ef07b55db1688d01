using System.Net;

namespace Gatehouse.Hosting;

internal static class ListenAddresses
{
    /// <summary>Whether every listen URL is reachable only from this machine.</summary>
    public static bool AllLoopback(IEnumerable<string> urls) => urls.All(IsLoopback);

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        var host = parsed.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
