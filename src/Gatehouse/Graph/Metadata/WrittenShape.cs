using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Graph.Metadata;

/// <summary>
/// The properties of a resource written by hand rather than through a <see cref="GraphShape{T}"/> (the calendar), read
/// from what its writer produces for an entity: each property's type is its value's, annotations left out.
/// </summary>
internal sealed class WrittenShape(string type, JsonObject written) : IGraphShape
{
    public string Type { get; } = type;

    public IEnumerable<(string Name, Type Value)> Properties => written
        .Where(p => !p.Key.Contains('@', StringComparison.Ordinal))
        .Select(p => (p.Key, ValueType(p.Value)));

    private static Type ValueType(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => typeof(string),
        JsonValueKind.True or JsonValueKind.False => typeof(bool),
        JsonValueKind.Array => typeof(JsonArray),
        _ => typeof(JsonNode),
    };
}
