using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

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

        return IsLoopbackHost(parsed.Host);
    }

    /// <summary>
    /// Binds <paramref name="url"/> as Kestrel binds a URL given to UseUrls: localhost on both loopback addresses, an IP
    /// address on itself, a Unix socket at its path, and any other host (*, +, a name) on every address. Explicit
    /// listeners are needed once there are two kinds (Kestrel would ignore UseUrls beside them).
    /// </summary>
    public static void Listen(KestrelServerOptions kestrel, string url, Action<ListenOptions> configure)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, configure);
        }
    }

    /// <summary>Why the proxy's listen URLs cannot be used, or null when they can (or there are none).</summary>
    public static string? ProxyUrlProblem(IEnumerable<string> proxyUrls, IReadOnlyList<string> listenUrls)
    {
        foreach (var url in proxyUrls)
        {
            if (Parse(url) is not { } parsed || parsed.Scheme != Uri.UriSchemeHttp
                || parsed.PathAndQuery != "/" || parsed.UserInfo.Length > 0)
            {
                return $"'{url}' is not a proxy URL (http://127.0.0.1:port).";
            }

            if (!IsLoopbackHost(parsed.Host))
            {
                return $"The proxy URL '{url}' is not on loopback: the proxy answers as Microsoft's hosts, so only this machine may reach it (use 127.0.0.1, [::1] or localhost).";
            }

            if (listenUrls.Any(listen => Parse(listen) is { } main && main.Port == parsed.Port
                && (main.Host == parsed.Host || IsWildcardHost(main.Host) || (IsLoopbackHost(main.Host) && IsLoopbackHost(parsed.Host)))))
            {
                return $"The proxy URL '{url}' takes the port of a listen URL in --urls; give the proxy a port of its own.";
            }
        }

        return null;
    }

    /// <summary>
    /// Why the metrics listener's URLs cannot be used, or null when they can (or there are none). Each needs a port no
    /// other listener has, by which <see cref="MetricsExposure"/> tells its requests apart.
    /// </summary>
    public static string? MetricsUrlProblem(IEnumerable<string> metricsUrls, IEnumerable<string> otherUrls)
    {
        var otherPorts = Ports(otherUrls);
        foreach (var url in metricsUrls)
        {
            if (Parse(url) is not { } parsed || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
                || parsed.PathAndQuery != "/" || parsed.UserInfo.Length > 0 || parsed.Port < 1 || parsed.Host == "unix")
            {
                return $"'{url}' is not a metrics URL (http://127.0.0.1:port).";
            }

            if (otherPorts.Contains(parsed.Port))
            {
                return $"The metrics URL '{url}' takes the port of a URL in --urls or --proxy-urls; give the metrics listener a port of its own.";
            }
        }

        return null;
    }

    /// <summary>The ports of <paramref name="urls"/>, those that parse.</summary>
    public static IReadOnlySet<int> Ports(IEnumerable<string> urls) =>
        urls.Select(url => Parse(url)?.Port ?? -1).Where(port => port > 0).ToHashSet();

    /// <summary>
    /// Whether a CONNECT to <paramref name="host"/>:<paramref name="port"/> reaches this server's own HTTPS listener: the
    /// host and port of an https listen URL or of the public URL, any loopback name standing for a loopback or wildcard
    /// listener's host.
    /// </summary>
    public static bool IsOwnHttpsAddress(GatehouseOptions options, string host, int port)
    {
        var own = options.ListenUrls.Append(options.PublicUrlOrDefault)
            .Select(Parse)
            .Where(url => url is not null && url.Scheme == Uri.UriSchemeHttps && url.Port == port);
        return own.Any(url => string.Equals(url!.IdnHost.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            || ((IsLoopbackHost(url.Host) || IsWildcardHost(url.Host)) && IsLoopbackHost(host)));
    }

    /// <summary>A listen URL as a Uri, its wildcard hosts (*, +) read as 0.0.0.0; null when it is not an absolute URL.</summary>
    public static Uri? Parse(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
            UriKind.Absolute, out var parsed) ? parsed : null;

    private static bool IsLoopbackHost(string host)
    {
        host = host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsWildcardHost(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
}
