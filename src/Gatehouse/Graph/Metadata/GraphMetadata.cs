using System.Collections;
using System.Text.Json.Nodes;
using System.Xml;
using Gatehouse.OData;

namespace Gatehouse.Graph.Metadata;

/// <summary>
/// GET /v1.0/$metadata and /beta/$metadata: OData CSDL XML of namespace microsoft.graph, EntityContainer GraphService,
/// written from <see cref="GraphModel"/>, so it declares exactly the properties the handlers write. A property's type is
/// the one its value has in the shape; a structured value Gatehouse writes as JSON (a key credential, an app role) is
/// Edm.Untyped rather than one of Graph's complex types. Served without a token, as Graph serves it.
/// </summary>
internal static class GraphMetadata
{
    private const string Namespace = "microsoft.graph";
    private const string Entity = "entity";

    private static readonly Lazy<byte[]> Document = new(Build);

    public static IResult Handle(HttpContext context)
    {
        context.Response.Headers["OData-Version"] = "4.0";
        return Results.Bytes(Document.Value, "application/xml");
    }

    private static byte[] Build() => Csdl.Document(Namespace, "graph", xml =>
    {
        Csdl.Start(xml, "EntityType", ("Name", Entity), ("Abstract", "true"));
        Csdl.Key(xml, "id");
        Csdl.Property(xml, "id", "Edm.String", nullable: false);
        xml.WriteEndElement();
        Csdl.Element(xml, "EntityType", ("Name", GraphModel.DirectoryObject), ("BaseType", Qualified(Entity)), ("Abstract", "true"));

        foreach (var type in GraphModel.Types)
        {
            Csdl.Start(xml, "EntityType", ("Name", type.Shape.Type), ("BaseType", Qualified(type.BaseType ?? Entity)));
            foreach (var (name, value) in type.Shape.Properties.Where(p => p.Name != "id"))
            {
                Csdl.Property(xml, name, EdmType(value), nullable: true);
            }

            foreach (var navigation in type.Navigations)
            {
                Navigation(xml, navigation, containsTarget: false);
            }

            xml.WriteEndElement();
        }

        Csdl.Start(xml, "EntityType", ("Name", GraphModel.AuditLogRoot), ("BaseType", Qualified(Entity)));
        foreach (var navigation in GraphModel.AuditLogNavigations)
        {
            Navigation(xml, navigation, containsTarget: true);
        }

        xml.WriteEndElement();

        Csdl.Start(xml, "EntityContainer", ("Name", "GraphService"));
        foreach (var set in GraphModel.EntitySets)
        {
            Csdl.Element(xml, "EntitySet", ("Name", set.Name), ("EntityType", Qualified(set.Type)));
        }

        foreach (var singleton in GraphModel.Singletons)
        {
            Csdl.Element(xml, "Singleton", ("Name", singleton.Name), ("Type", Qualified(singleton.Type)));
        }

        xml.WriteEndElement();
    });

    private static string Qualified(string type) => $"{Namespace}.{type}";

    private static void Navigation(XmlWriter xml, GraphModel.Navigation navigation, bool containsTarget) =>
        Csdl.Element(xml, "NavigationProperty",
            ("Name", navigation.Name),
            ("Type", navigation.Collection ? $"Collection({Qualified(navigation.Type)})" : Qualified(navigation.Type)),
            ("ContainsTarget", containsTarget ? "true" : null));

    /// <summary>The EDM type of a value as <see cref="GraphJson"/> writes it; a sequence of them as a collection.</summary>
    private static string EdmType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(JsonNode).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type))
        {
            return type == typeof(JsonArray) ? "Collection(Edm.Untyped)" : "Edm.Untyped";
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ItemType(type) is { } item)
        {
            return $"Collection({EdmType(item)})";
        }

        return type switch
        {
            _ when type == typeof(string) || type.IsEnum => "Edm.String",
            _ when type == typeof(bool) => "Edm.Boolean",
            _ when type == typeof(int) => "Edm.Int32",
            _ when type == typeof(long) => "Edm.Int64",
            _ when type == typeof(Guid) => "Edm.Guid",
            _ when type == typeof(DateTimeOffset) => "Edm.DateTimeOffset",
            _ => "Edm.Untyped",
        };
    }

    private static Type? ItemType(Type sequence) =>
        sequence.IsArray ? sequence.GetElementType()
        : sequence.GetInterfaces().Append(sequence).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
