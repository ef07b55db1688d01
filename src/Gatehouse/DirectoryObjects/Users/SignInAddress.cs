using System.Net;
using System.Net.Sockets;

namespace Gatehouse.DirectoryObjects.Users;

/// <summary>
/// Where failed sign-ins are counted from: the remote IPv4 address, or the /64 network of an IPv6 one, since a single
/// host is usually given a whole /64 and could otherwise spray from a fresh address each time.
/// </summary>
internal readonly record struct SignInAddress(IPAddress Network)
{
    /// <summary>An unknown address (no connection) counts with every other unknown one.</summary>
    public static SignInAddress Of(IPAddress? remote)
    {
        if (remote is null)
        {
            return new(IPAddress.None);
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            return new(remote.MapToIPv4());
        }

        if (remote.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return new(remote);
        }

        Span<byte> bytes = stackalloc byte[16];
        remote.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new(new IPAddress(bytes));
    }
}
