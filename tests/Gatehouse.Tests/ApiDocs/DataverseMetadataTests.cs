using System.Net;
using System.Xml;
using System.Xml.Linq;
using Gatehouse.Tests.Infrastructure;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace Gatehouse.Tests.ApiDocs;

/// <summary>Dataverse's $metadata says exactly what is served: every entity set it declares answers a GET, and every column a row comes back with is declared on its type.</summary>
public sealed class DataverseMetadataTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    [Theory]
    [BothStores]
    public async Task Every_entity_set_in_metadata_answers_and_every_returned_column_is_a_declared_property(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        using var client = await DataverseClient.ApplicationUserAsync(gatehouse, "metadata-admin", "System Administrator");
        await client.CreateAsync("accounts", new { name = "Described Ltd" });
        await client.CreateAsync("contacts", new { firstname = "Ada", lastname = "Described" });

        using var response = await client.GetAsync("$metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using (var reader = XmlReader.Create(new StringReader(xml)))
        {
            Assert.True(CsdlReader.TryParse(reader, out IEdmModel _, out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
        }

        var metadata = XDocument.Parse(xml);
        var types = metadata.Descendants(Edm + "EntityType").ToDictionary(
            t => (string)t.Attribute("Name")!,
            t => t.Elements(Edm + "Property").Concat(t.Elements(Edm + "NavigationProperty")).Select(p => (string)p.Attribute("Name")!).ToHashSet(StringComparer.Ordinal));
        var sets = metadata.Descendants(Edm + "EntitySet").ToList();
        Assert.NotEmpty(sets);
        var rowsSeen = 0;
        foreach (var set in sets)
        {
            var name = (string)set.Attribute("Name")!;
            var type = ((string)set.Attribute("EntityType")!).Split('.')[^1];
            using var list = await client.GetAsync($"{name}?$top=5");
            Assert.True(list.StatusCode == HttpStatusCode.OK, $"GET {name}, declared in $metadata, answered {(int)list.StatusCode}.");
            var body = await DataverseClient.JsonAsync(list);
            foreach (var row in body.GetProperty("value").EnumerateArray())
            {
                rowsSeen++;
                foreach (var column in row.EnumerateObject().Select(p => p.Name).Where(n => !n.Contains('@', StringComparison.Ordinal)))
                {
                    Assert.True(types[type].Contains(column), $"{name} returned '{column}', which $metadata does not declare on {type}.");
                }
            }
        }

        Assert.True(rowsSeen >= 2);
    }
}
