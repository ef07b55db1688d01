using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Gatehouse.Graph;

/// <summary>
/// How one entity type looks on the wire: its properties in Graph's order, which of them a plain GET returns, and
/// how $select picks among them. Values become JSON as Graph writes them (instants as UTC ISO 8601, GUIDs as text).
/// A property that is one stored member (<see cref="Member"/>) lets a list read only the columns its page writes.
/// </summary>
internal sealed class GraphShape<T>(string type) : IGraphShape
{
    private readonly List<(string Name, Func<T, object?> Read, bool Default, PropertyInfo? Stored, Type Value)> properties = [];

    /// <summary>The type name as @odata.type and error messages give it ("user" → "#microsoft.graph.user").</summary>
    public string Type { get; } = type;

    public IEnumerable<string> Names => properties.Select(p => p.Name);

    public IEnumerable<(string Name, Type Value)> Properties => properties.Select(p => (p.Name, p.Value));

    /// <summary>A property computed from the entity, of the type the computation returns (for $metadata).</summary>
    public GraphShape<T> Add<TValue>(string name, Func<T, TValue> read, bool @default = true)
    {
        properties.Add((name, item => read(item), @default, null, typeof(TValue)));
        return this;
    }

    /// <summary>A property computed from the entity whose type the computation does not say (a constant null).</summary>
    public GraphShape<T> Add(string name, Func<T, object?> read, bool @default = true)
    {
        properties.Add((name, read, @default, null, typeof(object)));
        return this;
    }

    /// <summary>A property that is one settable member of the entity, as it is stored.</summary>
    public GraphShape<T> Member(string name, Expression<Func<T, object?>> member, bool @default = true)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed ? boxed.Operand : member.Body;
        if (body is not MemberExpression { Member: PropertyInfo { CanWrite: true } stored } access || access.Expression != member.Parameters[0])
        {
            throw new ArgumentException($"'{name}' must read one settable property of {typeof(T).Name}.", nameof(member));
        }

        properties.Add((name, member.Compile(), @default, stored, stored.PropertyType));
        return this;
    }

    /// <summary>
    /// The projection that reads only the members the written properties need (<paramref name="select"/>, or the
    /// defaults), or null when one of them is computed from the whole entity.
    /// </summary>
    public Expression<Func<T, T>>? Projection(IReadOnlyList<string>? select)
    {
        var written = properties.Where(p => select is null ? p.Default : select.Contains(p.Name)).ToList();
        if (written.Any(p => p.Stored is null) || typeof(T).GetConstructor(System.Type.EmptyTypes) is not { } create)
        {
            return null;
        }

        var row = Expression.Parameter(typeof(T), "row");
        var bindings = written.Select(p => p.Stored!).Distinct()
            .Select(stored => (MemberBinding)Expression.Bind(stored, Expression.Property(row, stored)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(create), bindings), row);
    }

    public JsonObject Write(T item, IReadOnlyList<string>? select = null, bool withType = false)
    {
        var json = new JsonObject();
        if (withType)
        {
            json["@odata.type"] = $"#microsoft.graph.{Type}";
        }

        foreach (var (name, read, @default, _, _) in properties)
        {
            if (select is null ? @default : select.Contains(name))
            {
                json[name] = GraphJson.Value(read(item));
            }
        }

        return json;
    }
}

/// <summary>An entity type's properties as $metadata declares them, whatever the entity class.</summary>
internal interface IGraphShape
{
    string Type { get; }

    IEnumerable<(string Name, Type Value)> Properties { get; }
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
