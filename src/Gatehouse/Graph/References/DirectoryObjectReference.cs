using System.Text.Json;

namespace Gatehouse.Graph.References;

/// <summary>
/// The target of a $ref write or an @odata.bind entry: {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}.
/// Callers put the real Graph host there even when talking to Gatehouse, so only the trailing id counts
/// (reference/graph-dataverse.md §2.0); /users/{id}, /groups/{id} and /directoryObjects/{id} all name the object.
/// </summary>
internal static class DirectoryObjectReference
{
    public static (Guid Id, GraphError? Error) Read(JsonElement body)
    {
        var url = body.Text("@odata.id");
        return url is null
            ? (Guid.Empty, GraphErrors.BadRequest("The request body must name the object with @odata.id."))
            : Parse(url);
    }

    public static (Guid Id, GraphError? Error) Parse(string url)
    {
        var last = url.TrimEnd('/').Split('/')[^1];
        return Guid.TryParse(last, out var id)
            ? (id, null)
            : (Guid.Empty, GraphErrors.BadRequest($"Invalid object identifier '{last}'."));
    }

    /// <summary>The ids of an "@odata.bind" array (members@odata.bind, owners@odata.bind); Graph takes at most 20 at once.</summary>
    public static (IReadOnlyList<Guid>? Ids, GraphError? Error) ReadBind(JsonElement body, string navigation)
    {
        if (!body.TryGetProperty(navigation + "@odata.bind", out var bind))
        {
            return ([], null);
        }

        if (bind.ValueKind != JsonValueKind.Array || bind.GetArrayLength() > 20
            || bind.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return (null, GraphErrors.BadRequest($"'{navigation}@odata.bind' must be an array of at most 20 object URLs."));
        }

        var ids = new List<Guid>();
        foreach (var entry in bind.EnumerateArray())
        {
            var (id, error) = Parse(entry.GetString()!);
            if (error is not null)
            {
                return (null, error);
            }

            ids.Add(id);
        }

        return (ids.Distinct().ToList(), null);
    }
}
