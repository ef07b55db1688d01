using System.Text;
using System.Xml;

namespace Gatehouse.OData;

/// <summary>OData CSDL XML, version 4.0: the envelope of a service's $metadata and the elements its schema is made of.</summary>
internal static class Csdl
{
    private const string EdmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string EdmNamespace = "http://docs.oasis-open.org/odata/ns/edm";

    /// <summary>edmx:Edmx and edmx:DataServices around one Schema, whose elements <paramref name="schema"/> writes.</summary>
    public static byte[] Document(string schemaNamespace, string alias, Action<XmlWriter> schema)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("edmx", "Edmx", EdmxNamespace);
            xml.WriteAttributeString("Version", "4.0");
            xml.WriteStartElement("DataServices", EdmxNamespace);
            Start(xml, "Schema", ("Namespace", schemaNamespace), ("Alias", alias));
            schema(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>Opens an element of the EDM namespace with its attributes; the caller closes it.</summary>
    public static void Start(XmlWriter xml, string element, params (string Name, string? Value)[] attributes)
    {
        xml.WriteStartElement(element, EdmNamespace);
        foreach (var (name, value) in attributes.Where(a => a.Value is not null))
        {
            xml.WriteAttributeString(name, value);
        }
    }

    /// <summary>An element of the EDM namespace with attributes and nothing inside.</summary>
    public static void Element(XmlWriter xml, string element, params (string Name, string? Value)[] attributes)
    {
        Start(xml, element, attributes);
        xml.WriteEndElement();
    }

    public static void Key(XmlWriter xml, string property)
    {
        Start(xml, "Key");
        Element(xml, "PropertyRef", ("Name", property));
        xml.WriteEndElement();
    }

    public static void Property(XmlWriter xml, string name, string type, bool nullable) =>
        Element(xml, "Property", ("Name", name), ("Type", type), ("Nullable", nullable ? null : "false"));
}
