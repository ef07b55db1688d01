using System.Text;

namespace Gatehouse.Tests.HostileInput;

/// <summary>One malformed request: what the generator made, sendable any number of times, printable when it fails.</summary>
internal sealed record HostileRequest(
    string Surface, string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body = null, string? ContentType = null)
{
    /// <summary>Kestrel's limit on the request line (8 KB), past which it answers 414 and closes the connection.</summary>
    private const int MaxRequestLine = 8_192;

    /// <summary>Kestrel's limit on all of a request's headers (32 KB), past which it answers 431 and closes the connection.</summary>
    private const int MaxHeaders = 32 * 1024;

    /// <summary>Marked oversized by the generator (a header or body past every limit).</summary>
    public bool Oversized { get; init; }

    /// <summary>
    /// Whether the server may answer by closing the connection once it has refused the request, while the client is
    /// still sending: marked oversized, a request line or headers past Kestrel's limits, or a path with a NUL in it,
    /// which Kestrel refuses before any of Gatehouse sees it.
    /// </summary>
    public bool MayBeCutOff =>
        Oversized || Path.Length > MaxRequestLine || Headers.Sum(h => h.Name.Length + h.Value.Length) > MaxHeaders
        || Path.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    /// <summary>The request to the server at <paramref name="origin"/>; the path is appended as it is, so "//x" stays a path.</summary>
    public HttpRequestMessage ToMessage(Uri origin)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(origin.GetLeftPart(UriPartial.Authority) + Path));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>The request as a failure message shows it: method, path, headers (long values cut) and the start of the body.</summary>
    public string Describe()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Cut(Path, 400)).AppendLine();
        foreach (var (name, value) in Headers)
        {
            text.Append("  ").Append(name).Append(": ").AppendLine(Cut(value, 200));
        }

        if (ContentType is not null)
        {
            text.Append("  Content-Type: ").AppendLine(ContentType);
        }

        if (Body is not null)
        {
            text.Append("  body (").Append(Body.Length).Append(" bytes): ").AppendLine(Cut(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 600)), 400));
        }

        return text.ToString();
    }

    private static string Cut(string value, int length) =>
        value.Length <= length ? value : $"{value[..length]}… ({value.Length} chars)";
}
