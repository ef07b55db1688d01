using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Gatehouse.MicrosoftHosts;

/// <summary>
/// The proxy listener's connection middleware (docs/protocol/microsoft-hosts.md §2.1): reads the client's
/// <c>CONNECT host:port</c> preamble and, for a Microsoft host on 443 or one of this server's own addresses, answers
/// 200 and hands the tunnelled bytes on to the listener's TLS and HTTP, so that the same endpoints answer as on the
/// main listener. Anything else is refused with 403 naming the host and closed; nothing is ever forwarded.
/// </summary>
/// <param name="servesOwnAddress">Whether a host and port are one of this server's own HTTPS addresses.</param>
internal sealed partial class ConnectTunnel(Func<string, int, bool> servesOwnAddress, ILogger<ConnectTunnel> logger)
{
    /// <summary>The request line and headers, up to and with the blank line.</summary>
    public const int MaxPreambleBytes = 8 * 1024;

    private const string TargetItem = "Gatehouse.MicrosoftHosts.ConnectTarget";
    private static readonly TimeSpan PreambleTimeout = TimeSpan.FromSeconds(30);
    private static ReadOnlySpan<byte> BlankLine => "\r\n\r\n"u8;

    /// <summary>Where the client's CONNECT asked to go, for a connection this tunnel let through; null otherwise.</summary>
    public static ConnectTarget? TargetOf(ConnectionContext? connection) =>
        connection is not null && connection.Items.TryGetValue(TargetItem, out var target) ? target as ConnectTarget : null;

    /// <summary>For <c>ListenOptions.Use</c>, before <c>UseHttps</c>.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection, Func<Task> next)
    {
        ConnectTarget target;
        try
        {
            var request = await ReadPreambleAsync(connection);
            switch (request)
            {
                case Gone:
                    return;
                case Malformed malformed:
                    LogMalformed(logger, malformed.Reason);
                    await AnswerAsync(connection, 400, "Bad Request", $"Gatehouse's proxy could not read this request: {malformed.Reason}.");
                    return;
                case TimedOut:
                    await AnswerAsync(connection, 408, "Request Timeout", "Gatehouse's proxy waited too long for the request.");
                    return;
                case Refused refused:
                    LogRefused(logger, refused.Method, refused.Destination);
                    await AnswerAsync(connection, 403, "Forbidden",
                        "Gatehouse's proxy serves only Microsoft's identity, Graph, Resource Manager and Dataverse hosts and this server; "
                        + $"it does not forward to {refused.Destination}.");
                    return;
                case Tunnel tunnel:
                    target = tunnel.Target;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown proxy request {request}.");
            }

            await connection.Transport.Output.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), connection.ConnectionClosed);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away during the preamble.
            return;
        }

        connection.Items[TargetItem] = target;
        await next();
    }

    private async Task<ProxyRequest> ReadPreambleAsync(ConnectionContext connection)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        deadline.CancelAfter(PreambleTimeout);
        var input = connection.Transport.Input;
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!connection.ConnectionClosed.IsCancellationRequested)
            {
                return new TimedOut();
            }

            var buffer = read.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> preamble, BlankLine, advancePastDelimiter: true))
            {
                var request = preamble.Length + BlankLine.Length > MaxPreambleBytes
                    ? new Malformed($"the request line and headers exceed {MaxPreambleBytes / 1024} KiB")
                    : Decide(Parse(Encoding.Latin1.GetString(preamble)));

                // The client may already have sent its TLS ClientHello: it stays in the pipe for the TLS layer.
                input.AdvanceTo(reader.Position);
                return request;
            }

            if (buffer.Length >= MaxPreambleBytes)
            {
                input.AdvanceTo(buffer.End);
                return new Malformed($"the request line and headers exceed {MaxPreambleBytes / 1024} KiB");
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                input.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? new Gone() : new Malformed("it ended before the blank line that closes the headers");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private ProxyRequest Decide(ProxyRequest request) =>
        request is Tunnel { Target: var target }
        && !(target.Port == 443 && MicrosoftHostNames.IsServed(target.Host))
        && !servesOwnAddress(target.Host, target.Port)
            ? new Refused("CONNECT", target.ToString())
            : request;

    /// <summary>RFC 9112 §3: the request line, then header fields, each line ending CRLF (the final blank line removed).</summary>
    internal static ProxyRequest Parse(string preamble)
    {
        foreach (var character in preamble)
        {
            if ((character < ' ' && character is not ('\t' or '\r' or '\n')) || character == '\x7f')
            {
                return new Malformed("it holds a control character");
            }
        }

        var lines = preamble.Split("\r\n");
        if (lines.Any(line => line.Contains('\r', StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal)))
        {
            return new Malformed("its lines do not end with CRLF");
        }

        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !IsToken(requestLine[0]) || requestLine[1].Length == 0
            || requestLine[2] is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return new Malformed("its request line is not 'METHOD target HTTP/1.1'");
        }

        foreach (var header in lines.Skip(1))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsToken(header[..colon]))
            {
                return new Malformed("a header line is not 'Name: value'");
            }
        }

        var (method, target) = (requestLine[0], requestLine[1]);
        if (method == "CONNECT")
        {
            return ConnectTarget.TryParse(target) is { } connectTarget
                ? new Tunnel(connectTarget)
                : new Malformed("CONNECT names no host:port");
        }

        // A request to a proxy names its absolute URL (RFC 9112 §3.2.2); Gatehouse forwards none.
        return Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0
            ? new Refused(method, url.Authority)
            : new Malformed("a proxy takes 'CONNECT host:port' or an absolute URL");
    }

    private static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    private static async Task AnswerAsync(ConnectionContext connection, int status, string reason, string message)
    {
        var body = Encoding.UTF8.GetBytes(message + "\n");
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
        await connection.Transport.Output.WriteAsync(head.Concat(body).ToArray(), connection.ConnectionClosed);
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "The proxy refused {Method} {Destination}: not a Microsoft host nor this server.")]
    private static partial void LogRefused(ILogger logger, string method, string destination);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Debug, Message = "The proxy answered 400: {Reason}.")]
    private static partial void LogMalformed(ILogger logger, string reason);

    internal abstract record ProxyRequest;

    internal sealed record Tunnel(ConnectTarget Target) : ProxyRequest;

    internal sealed record Refused(string Method, string Destination) : ProxyRequest;

    internal sealed record Malformed(string Reason) : ProxyRequest;

    private sealed record TimedOut : ProxyRequest;

    private sealed record Gone : ProxyRequest;
}

/// <summary>The authority-form target of a CONNECT: a host (a name, an IPv4 address or an IPv6 address without brackets) and a port.</summary>
internal sealed record ConnectTarget(string Host, int Port)
{
    /// <summary>RFC 9110 §9.3.6: <c>host:port</c>, the port required; null when <paramref name="authority"/> is not that.</summary>
    public static ConnectTarget? TryParse(string authority)
    {
        string host;
        string port;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(authority[1..close], out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return null;
            }

            (host, port) = (authority[1..close], authority[(close + 2)..]);
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon <= 0 || colon > 253)
            {
                return null;
            }

            (host, port) = (authority[..colon], authority[(colon + 1)..]);
            if (!host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return null;
            }
        }

        return port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit)
            && int.Parse(port, CultureInfo.InvariantCulture) is var number and > 0 and <= 65535
            ? new ConnectTarget(host, number)
            : null;
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
