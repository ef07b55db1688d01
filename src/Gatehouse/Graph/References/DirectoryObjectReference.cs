using System.Text.Json;

namespace Gatehouse.Graph.References;

/// <summary>
/// The target of a $ref write or an @odata.bind entry: {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}.
/// Callers put the real Graph host there even when talking to Gatehouse, so only the trailing id counts
/// (docs/protocol/graph-dataverse.md §2.0); /users/{id}, /groups/{id} and /directoryObjects/{id} all name the object.
/// </summary>
internal static class DirectoryObjectReference
{
    /// <summary>The object a $ref write's body names.</summary>
    public static async Task<Outcome<Guid, GraphError>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await GraphBody.ReadObjectAsync(request, cancellationToken);
        return body.Succeeded ? Read(body.Value) : body.Error;
    }

    private static Outcome<Guid, GraphError> Read(JsonElement body)
    {
        var url = body.Text("@odata.id");
        return url is null
            ? GraphErrors.BadRequest("The request body must name the object with @odata.id.")
            : Parse(url);
    }

    public static Outcome<Guid, GraphError> Parse(string url)
    {
        var last = url.TrimEnd('/').Split('/')[^1];
        return Guid.TryParse(last, out var id)
            ? id
            : GraphErrors.BadRequest($"Invalid object identifier '{last}'.");
    }

    /// <summary>The ids of an "@odata.bind" array (members@odata.bind, owners@odata.bind); Graph takes at most 20 at once.</summary>
    public static Outcome<IReadOnlyList<Guid>, GraphError> ReadBind(JsonElement body, string navigation)
    {
        if (!body.TryGetProperty(navigation + "@odata.bind", out var bind))
        {
            return Outcome<IReadOnlyList<Guid>, GraphError>.From([]);
        }

        if (bind.ValueKind != JsonValueKind.Array || bind.GetArrayLength() > 20
            || bind.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return GraphErrors.BadRequest($"'{navigation}@odata.bind' must be an array of at most 20 object URLs.");
        }

        var ids = new List<Guid>();
        foreach (var entry in bind.EnumerateArray())
        {
            var id = Parse(entry.GetString()!);
            if (!id.Succeeded)
            {
                return id.Error;
            }

            ids.Add(id.Value);
        }

        return ids.Distinct().ToList();
    }
}
