using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace Gatehouse.Graph.Metadata;

/// <summary>
/// GET /v1.0/$metadata and /beta/$metadata: OData CSDL XML of namespace microsoft.graph, EntityContainer GraphService,
/// written from <see cref="GraphModel"/>, so it declares exactly the properties the handlers write. A property's type is
/// the one its value has in the shape; a structured value Gatehouse writes as JSON (a key credential, an app role) is
/// Edm.Untyped rather than one of Graph's complex types. Served without a token, as Graph serves it.
/// </summary>
internal static class GraphMetadata
{
    private const string EdmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string EdmNamespace = "http://docs.oasis-open.org/odata/ns/edm";
    private const string Namespace = "microsoft.graph";
    private const string Entity = "entity";

    private static readonly Lazy<byte[]> Document = new(Build);

    public static IResult Handle(HttpContext context)
    {
        context.Response.Headers["OData-Version"] = "4.0";
        return Results.Bytes(Document.Value, "application/xml");
    }

    private static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("edmx", "Edmx", EdmxNamespace);
            xml.WriteAttributeString("Version", "4.0");
            xml.WriteStartElement("DataServices", EdmxNamespace);
            xml.WriteStartElement("Schema", EdmNamespace);
            xml.WriteAttributeString("Namespace", Namespace);
            xml.WriteAttributeString("Alias", "graph");

            xml.WriteStartElement("EntityType", EdmNamespace);
            xml.WriteAttributeString("Name", Entity);
            xml.WriteAttributeString("Abstract", "true");
            xml.WriteStartElement("Key", EdmNamespace);
            xml.WriteStartElement("PropertyRef", EdmNamespace);
            xml.WriteAttributeString("Name", "id");
            xml.WriteEndElement();
            xml.WriteEndElement();
            Property(xml, "id", "Edm.String", nullable: false);
            xml.WriteEndElement();

            StartEntityType(xml, GraphModel.DirectoryObject, Entity);
            xml.WriteAttributeString("Abstract", "true");
            xml.WriteEndElement();

            foreach (var type in GraphModel.Types)
            {
                StartEntityType(xml, type.Shape.Type, type.BaseType ?? Entity);
                foreach (var (name, value) in type.Shape.Properties.Where(p => p.Name != "id"))
                {
                    Property(xml, name, EdmType(value), nullable: true);
                }

                foreach (var navigation in type.Navigations)
                {
                    Navigation(xml, navigation, containsTarget: false);
                }

                xml.WriteEndElement();
            }

            StartEntityType(xml, GraphModel.AuditLogRoot, Entity);
            foreach (var navigation in GraphModel.AuditLogNavigations)
            {
                Navigation(xml, navigation, containsTarget: true);
            }

            xml.WriteEndElement();

            xml.WriteStartElement("EntityContainer", EdmNamespace);
            xml.WriteAttributeString("Name", "GraphService");
            foreach (var set in GraphModel.EntitySets)
            {
                xml.WriteStartElement("EntitySet", EdmNamespace);
                xml.WriteAttributeString("Name", set.Name);
                xml.WriteAttributeString("EntityType", $"{Namespace}.{set.Type}");
                xml.WriteEndElement();
            }

            foreach (var singleton in GraphModel.Singletons)
            {
                xml.WriteStartElement("Singleton", EdmNamespace);
                xml.WriteAttributeString("Name", singleton.Name);
                xml.WriteAttributeString("Type", $"{Namespace}.{singleton.Type}");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void StartEntityType(XmlWriter xml, string name, string baseType)
    {
        xml.WriteStartElement("EntityType", EdmNamespace);
        xml.WriteAttributeString("Name", name);
        xml.WriteAttributeString("BaseType", $"{Namespace}.{baseType}");
    }

    private static void Property(XmlWriter xml, string name, string type, bool nullable)
    {
        xml.WriteStartElement("Property", EdmNamespace);
        xml.WriteAttributeString("Name", name);
        xml.WriteAttributeString("Type", type);
        if (!nullable)
        {
            xml.WriteAttributeString("Nullable", "false");
        }

        xml.WriteEndElement();
    }

    private static void Navigation(XmlWriter xml, GraphModel.Navigation navigation, bool containsTarget)
    {
        xml.WriteStartElement("NavigationProperty", EdmNamespace);
        xml.WriteAttributeString("Name", navigation.Name);
        var type = $"{Namespace}.{navigation.Type}";
        xml.WriteAttributeString("Type", navigation.Collection ? $"Collection({type})" : type);
        if (containsTarget)
        {
            xml.WriteAttributeString("ContainsTarget", "true");
        }

        xml.WriteEndElement();
    }

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
