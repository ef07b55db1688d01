using System.Text;
using System.Xml;
using Gatehouse.Dataverse.Metadata;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// GET $metadata (OData CSDL XML, namespace Microsoft.Dynamics.CRM) and the service document: the entity types with
/// their keys, attributes, lookup navigation properties and _x_value properties, the entity sets, and WhoAmI.
/// </summary>
internal static class ServiceMetadata
{
    private const string EdmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string EdmNamespace = "http://docs.oasis-open.org/odata/ns/edm";
    private const string Namespace = "Microsoft.Dynamics.CRM";

    private static readonly Lazy<byte[]> Document = new(Build);

    public static IResult Handle() => Results.Bytes(Document.Value, "application/xml");

    public static IResult ServiceDocument(string serviceRoot) => new JsonResponse(StatusCodes.Status200OK, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", $"{serviceRoot}/$metadata");
        writer.WriteStartArray("value");
        foreach (var table in DataverseTables.All)
        {
            writer.WriteStartObject();
            writer.WriteString("name", table.EntitySetName);
            writer.WriteString("kind", "EntitySet");
            writer.WriteString("url", table.EntitySetName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

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
            xml.WriteAttributeString("Alias", "mscrm");
            foreach (var table in DataverseTables.All)
            {
                WriteEntityType(xml, table);
            }

            xml.WriteStartElement("ComplexType", EdmNamespace);
            xml.WriteAttributeString("Name", "WhoAmIResponse");
            foreach (var name in new[] { "BusinessUnitId", "UserId", "OrganizationId" })
            {
                Property(xml, name, "Edm.Guid", nullable: false);
            }

            xml.WriteEndElement();
            xml.WriteStartElement("Function", EdmNamespace);
            xml.WriteAttributeString("Name", "WhoAmI");
            xml.WriteStartElement("ReturnType", EdmNamespace);
            xml.WriteAttributeString("Type", $"{Namespace}.WhoAmIResponse");
            xml.WriteAttributeString("Nullable", "false");
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("EntityContainer", EdmNamespace);
            xml.WriteAttributeString("Name", "System");
            foreach (var table in DataverseTables.All)
            {
                xml.WriteStartElement("EntitySet", EdmNamespace);
                xml.WriteAttributeString("Name", table.EntitySetName);
                xml.WriteAttributeString("EntityType", $"{Namespace}.{table.LogicalName}");
                foreach (var lookup in table.Lookups)
                {
                    xml.WriteStartElement("NavigationPropertyBinding", EdmNamespace);
                    xml.WriteAttributeString("Path", lookup.NavigationName);
                    xml.WriteAttributeString("Target", DataverseTables.FindByLogicalName(lookup.Target)!.EntitySetName);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("FunctionImport", EdmNamespace);
            xml.WriteAttributeString("Name", "WhoAmI");
            xml.WriteAttributeString("Function", $"{Namespace}.WhoAmI");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteEntityType(XmlWriter xml, TableDefinition table)
    {
        xml.WriteStartElement("EntityType", EdmNamespace);
        xml.WriteAttributeString("Name", table.LogicalName);
        xml.WriteStartElement("Key", EdmNamespace);
        xml.WriteStartElement("PropertyRef", EdmNamespace);
        xml.WriteAttributeString("Name", table.PrimaryIdAttribute);
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var column in table.Columns)
        {
            Property(xml, column.LogicalName, column.Type.EdmType(), nullable: column.LogicalName != table.PrimaryIdAttribute);
        }

        foreach (var lookup in table.LookupAttributes)
        {
            Property(xml, lookup.ValueName, "Edm.Guid", nullable: true);
        }

        foreach (var lookup in table.Lookups)
        {
            xml.WriteStartElement("NavigationProperty", EdmNamespace);
            xml.WriteAttributeString("Name", lookup.NavigationName);
            xml.WriteAttributeString("Type", $"{Namespace}.{lookup.Target}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
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
}
