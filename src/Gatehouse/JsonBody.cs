using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Gatehouse;

/// <summary>Why a request body was not read as JSON; each surface words it in its own error dialect.</summary>
internal enum JsonBodyProblem
{
    TooLarge,
    NotJson,
}

/// <summary>
/// A request body read as one JSON document, of at most a surface's size whatever Content-Length says. The whole body
/// must be valid UTF-8: JsonDocument lets invalid UTF-8 inside a string through, and only reading that string later
/// throws.
/// </summary>
internal static class JsonBody
{
    public static async Task<Outcome<JsonDocument, JsonBodyProblem>> ParseAsync(HttpRequest request, int maximumBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maximumBytes)
        {
            return JsonBodyProblem.TooLarge;
        }

        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maximumBytes)
                {
                    return JsonBodyProblem.TooLarge;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var bytes = body.ToArray();
        if (!Utf8.IsValid(bytes))
        {
            return JsonBodyProblem.NotJson;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return JsonBodyProblem.NotJson;
        }
    }
}
