using System.Text.Json;

namespace Gatehouse.Graph;

/// <summary>Reads a request's JSON object; a body that is not one is Graph's 400 BadRequest, never an exception.</summary>
internal static class GraphBody
{
    public const int MaximumBytes = 1024 * 1024;

    public static async Task<Outcome<JsonElement, GraphError>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parsed = await JsonBody.ParseAsync(request, MaximumBytes, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error == JsonBodyProblem.TooLarge
                ? GraphErrors.InvalidBody("The request body is too large.")
                : GraphErrors.InvalidBody("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }

        using var document = parsed.Value;
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.Clone()
            : GraphErrors.InvalidBody("The request body must be a JSON object.");
    }

    public static string? Text(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
