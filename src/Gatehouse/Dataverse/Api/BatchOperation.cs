using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// One application/http request of a $batch (OData 4.0 Part 1 §11.7.2): its method, the path after the service root,
/// query, headers and body, and the Content-ID it answers with.
/// </summary>
internal sealed record BatchOperation(string Method, string Path, string Query, Dictionary<string, StringValues> Headers, byte[] Body, string? ContentId)
{
    private static readonly string[] VersionRoots = ["/api/data/v9.2/", "/api/data/v9.1/", "/api/data/v9.0/"];

    /// <summary>The request a part carries, or why it is not one.</summary>
    public static async Task<Outcome<BatchOperation, string>> ReadAsync(MultipartSection section, DataverseRequest batch)
    {
        if (!(section.ContentType ?? "").StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            return "Each $batch part must be application/http or a multipart/mixed change set.";
        }

        using var buffer = new MemoryStream();
        await section.Body.CopyToAsync(buffer, batch.Aborted);
        var bytes = buffer.ToArray();
        var (headEnd, bodyStart) = HeadEnd(bytes);
        var head = Encoding.UTF8.GetString(bytes, 0, headEnd).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var requestLine = head[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length < 2 || requestLine[0] is not ("GET" or "POST" or "PATCH" or "DELETE"))
        {
            return $"'{head[0]}' is not a GET, POST, PATCH or DELETE request line.";
        }

        var headers = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return $"'{line}' is not a header.";
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var (path, query) = Resolve(requestLine[1], batch.ServiceRoot);
        return path is null
            ? $"'{requestLine[1]}' is not a URL of this Web API."
            : new BatchOperation(requestLine[0], path, query, headers, bytes[bodyStart..], section.Headers?.TryGetValue("Content-ID", out var id) == true ? id.ToString() : null);
    }

    /// <summary>Where the headers end and the body starts: the first empty line (CRLF or LF).</summary>
    private static (int HeadEnd, int BodyStart) HeadEnd(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n')
            {
                continue;
            }

            if (i + 1 < bytes.Length && bytes[i + 1] == '\n')
            {
                return (i, i + 2);
            }

            if (i + 2 < bytes.Length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n')
            {
                return (i, i + 3);
            }
        }

        return (bytes.Length, bytes.Length);
    }

    /// <summary>The path after the version root and the query, from an absolute URL, an absolute path or a path relative to the service root.</summary>
    private static (string? Path, string Query) Resolve(string target, string serviceRoot)
    {
        var url = Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
            : Uri.TryCreate(new Uri(serviceRoot + "/"), target, out var relative) ? relative
            : null;
        if (url is null)
        {
            return (null, "");
        }

        var path = url.AbsolutePath;
        var root = VersionRoots.FirstOrDefault(r => path.StartsWith(r, StringComparison.OrdinalIgnoreCase));
        return root is null ? (null, "") : (Uri.UnescapeDataString(path[root.Length..]), url.Query);
    }
}
