using System.Text.Json;

namespace Gatehouse.Identity.Protocol;

/// <summary>A token-service JSON answer that must never be cached: the status, the no-store headers, then one object.</summary>
internal static class JsonAnswer
{
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeFields)
    {
        var response = context.Response;
        response.StatusCode = status;
        TokenServiceHeaders.NoStore(response);
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writeFields(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
