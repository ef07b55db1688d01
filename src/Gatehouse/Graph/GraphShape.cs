using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Gatehouse.Graph;

/// <summary>
/// How one entity type looks on the wire: its properties in Graph's order, which of them a plain GET returns, and
/// how $select picks among them. Values become JSON as Graph writes them (instants as UTC ISO 8601, GUIDs as text).
/// </summary>
internal sealed class GraphShape<T>(string type)
{
    private readonly List<(string Name, Func<T, object?> Read, bool Default)> properties = [];

    /// <summary>The type name as @odata.type and error messages give it ("user" → "#microsoft.graph.user").</summary>
    public string Type { get; } = type;

    public IEnumerable<string> Names => properties.Select(p => p.Name);

    public GraphShape<T> Add(string name, Func<T, object?> read, bool @default = true)
    {
        properties.Add((name, read, @default));
        return this;
    }

    public JsonObject Write(T item, IReadOnlyList<string>? select = null, bool withType = false)
    {
        var json = new JsonObject();
        if (withType)
        {
            json["@odata.type"] = $"#microsoft.graph.{Type}";
        }

        foreach (var (name, read, @default) in properties)
        {
            if (select is null ? @default : select.Contains(name))
            {
                json[name] = GraphJson.Value(read(item));
            }
        }

        return json;
    }
}

internal static class GraphJson
{
    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        Guid id => JsonValue.Create(id.ToString()),
        DateTimeOffset instant => JsonValue.Create(Instant(instant)),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Value)]),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>Graph's form for directory instants: UTC, seconds, Z.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
