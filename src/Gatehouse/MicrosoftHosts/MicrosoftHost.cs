namespace Gatehouse.MicrosoftHosts;

/// <summary>Which of Microsoft's hosts a request arrived under (docs/protocol/microsoft-hosts.md §3).</summary>
internal static class MicrosoftHost
{
    /// <summary>
    /// The Microsoft hostname the request named, on HTTPS's default port as clients call it; null for any other host or
    /// port, which is Gatehouse's own URL.
    /// </summary>
    public static string? Of(HttpRequest request)
    {
        // The port first: reading it allocates nothing, where the host of a Host header with a port is a new string.
        var named = request.Host;
        if (named.Port is not (null or 443))
        {
            return null;
        }

        var host = named.Host;
        return MicrosoftHostNames.IsServed(host) ? host : null;
    }
}
