using System.Xml;
using Gatehouse.Dataverse.Metadata;
using Gatehouse.OData;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// GET $metadata (OData CSDL XML, namespace Microsoft.Dynamics.CRM) and the service document: the entity types with
/// their keys, attributes, lookup navigation properties and _x_value properties, the entity sets, and WhoAmI.
/// </summary>
internal static class ServiceMetadata
{
    private const string Namespace = "Microsoft.Dynamics.CRM";

    private static readonly Lazy<byte[]> Document = new(Build);
    private static readonly string[] WhoAmIProperties = ["BusinessUnitId", "UserId", "OrganizationId"];

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

    private static byte[] Build() => Csdl.Document(Namespace, "mscrm", xml =>
    {
        foreach (var table in DataverseTables.All)
        {
            WriteEntityType(xml, table);
        }

        Csdl.Start(xml, "ComplexType", ("Name", "WhoAmIResponse"));
        foreach (var name in WhoAmIProperties)
        {
            Csdl.Property(xml, name, "Edm.Guid", nullable: false);
        }

        xml.WriteEndElement();
        Csdl.Start(xml, "Function", ("Name", "WhoAmI"));
        Csdl.Element(xml, "ReturnType", ("Type", $"{Namespace}.WhoAmIResponse"), ("Nullable", "false"));
        xml.WriteEndElement();

        Csdl.Start(xml, "EntityContainer", ("Name", "System"));
        foreach (var table in DataverseTables.All)
        {
            Csdl.Start(xml, "EntitySet", ("Name", table.EntitySetName), ("EntityType", $"{Namespace}.{table.LogicalName}"));
            foreach (var lookup in table.Lookups)
            {
                Csdl.Element(xml, "NavigationPropertyBinding",
                    ("Path", lookup.NavigationName), ("Target", DataverseTables.FindByLogicalName(lookup.Target)!.EntitySetName));
            }

            xml.WriteEndElement();
        }

        Csdl.Element(xml, "FunctionImport", ("Name", "WhoAmI"), ("Function", $"{Namespace}.WhoAmI"));
        xml.WriteEndElement();
    });

    private static void WriteEntityType(XmlWriter xml, TableDefinition table)
    {
        Csdl.Start(xml, "EntityType", ("Name", table.LogicalName));
        Csdl.Key(xml, table.PrimaryIdAttribute);
        foreach (var column in table.Columns)
        {
            Csdl.Property(xml, column.LogicalName, column.Type.EdmType(), nullable: column.LogicalName != table.PrimaryIdAttribute);
        }

        foreach (var lookup in table.LookupAttributes)
        {
            Csdl.Property(xml, lookup.ValueName, "Edm.Guid", nullable: true);
        }

        foreach (var lookup in table.Lookups)
        {
            Csdl.Element(xml, "NavigationProperty", ("Name", lookup.NavigationName), ("Type", $"{Namespace}.{lookup.Target}"));
        }

        xml.WriteEndElement();
    }
}
