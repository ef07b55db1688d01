using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Gatehouse.Hosting;
using Gatehouse.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace Gatehouse.Tests.ApiDocs;

/// <summary>
/// Graph's $metadata says exactly what is served: it parses as CSDL; every entity set and contained set it declares
/// answers a GET with an administrator's token, with only properties its type declares; and every collection and
/// navigation route Graph maps is declared.
/// </summary>
public sealed partial class GraphMetadataTests(GatehouseOnBothStores servers) : IClassFixture<GatehouseOnBothStores>
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    [Theory]
    [BothStores]
    public async Task Every_declared_set_answers_with_declared_properties_only(string store)
    {
        var gatehouse = await servers.OnAsync(store);
        var cancellationToken = TestContext.Current.CancellationToken;
        var admin = await gatehouse.RegisterClientAsync("metadata-reader-" + store, ("Microsoft Graph", "Directory.Read.All"), ("Microsoft Graph", "AuditLog.Read.All"));
        using var graph = gatehouse.RawGraph(await gatehouse.AppTokenAsync(admin));
        using var anonymous = gatehouse.RawGraph(null);
        var model = await MetadataAsync(anonymous, "beta");
        Assert.Equal((await MetadataAsync(anonymous, "v1.0")).ToString(), model.ToString());

        var paths = model.Sets.Select(s => (Path: s.Key, Type: s.Value))
            .Concat(model.Singletons.Where(s => s.Key != "me").SelectMany(s => model.Navigations[s.Value].Select(n => (Path: $"{s.Key}/{n.Key}", Type: n.Value))))
            .ToList();
        Assert.Contains(paths, p => p.Path == "auditLogs/signIns");
        foreach (var (path, type) in paths)
        {
            using var response = await graph.GetAsync(new Uri(path + "?$top=3", UriKind.Relative), cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /v1.0/{path}, declared in $metadata, answered {(int)response.StatusCode}.");
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var json = System.Text.Json.JsonDocument.Parse(body);
            foreach (var entity in json.RootElement.GetProperty("value").EnumerateArray())
            {
                foreach (var property in entity.EnumerateObject().Select(p => p.Name).Where(n => !n.Contains('@', StringComparison.Ordinal)))
                {
                    Assert.True(model.Declares(type, property), $"/v1.0/{path} returned '{property}', which $metadata does not declare on {type}.");
                }
            }
        }
    }

    [Fact]
    public async Task Every_collection_and_navigation_route_graph_maps_is_declared()
    {
        var gatehouse = await servers.OnAsync(StoreTrait.Sqlite);
        using var anonymous = gatehouse.RawGraph(null);
        var model = await MetadataAsync(anonymous, "v1.0");

        var checkedRoutes = 0;
        foreach (var route in await GraphGetRoutesAsync())
        {
            if (TopLevel().Match(route) is { Success: true } top)
            {
                var name = top.Groups[1].Value;
                Assert.True(model.Sets.ContainsKey(name) || model.Singletons.ContainsKey(name), $"Graph serves GET {route}, which $metadata does not declare.");
                checkedRoutes++;
            }
            else if (Navigation().Match(route) is { Success: true } navigation)
            {
                var owner = navigation.Groups[1].Value;
                var type = model.Sets.GetValueOrDefault(owner) ?? model.Singletons.GetValueOrDefault(owner);
                Assert.True(type is not null && model.Navigations[type].ContainsKey(navigation.Groups[2].Value),
                    $"Graph serves GET {route}, a navigation $metadata does not declare.");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes >= 20, $"Only {checkedRoutes} routes checked.");
    }

    /// <summary>The GET routes under /v1.0 of a server built (not started) in memory: the route table itself.</summary>
    private static async Task<List<string>> GraphGetRoutesAsync()
    {
        var built = await GatehouseServer.BuildAsync(new GatehouseOptions { InMemory = true, Urls = "https://127.0.0.1:0" },
            new HostContext(new Dictionary<string, string?>()), TextWriter.Null, TestContext.Current.CancellationToken);
        Assert.True(built.Succeeded);
        await using var app = built.Value;
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => p.StartsWith("/v1.0/", StringComparison.Ordinal))
            .ToList();
    }

    private static async Task<Model> MetadataAsync(HttpClient anonymous, string version)
    {
        using var response = await anonymous.GetAsync(new Uri($"/{version}/$metadata", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("4.0", Assert.Single(response.Headers.GetValues("OData-Version")));
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using (var reader = XmlReader.Create(new StringReader(xml)))
        {
            Assert.True(CsdlReader.TryParse(reader, out IEdmModel parsed, out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
            Assert.Equal("GraphService", parsed.EntityContainer.Name);
            Assert.Equal("microsoft.graph", parsed.EntityContainer.Namespace);
        }

        return Model.Parse(XDocument.Parse(xml));
    }

    [GeneratedRegex(@"^/v1\.0/([A-Za-z0-9]+)$")]
    private static partial Regex TopLevel();

    [GeneratedRegex(@"^/v1\.0/([A-Za-z0-9]+)(?:/\{[^}]+\})?/([A-Za-z]+)$")]
    private static partial Regex Navigation();

    /// <summary>$metadata's sets, singletons, and each type's declared properties (with its base types') and navigations.</summary>
    private sealed record Model(
        Dictionary<string, string> Sets,
        Dictionary<string, string> Singletons,
        Dictionary<string, HashSet<string>> Properties,
        Dictionary<string, Dictionary<string, string>> Navigations,
        Dictionary<string, string?> BaseTypes)
    {
        public bool Declares(string type, string property) =>
            Properties[type].Contains(property) || (BaseTypes[type] is { } baseType && Declares(baseType, property));

        public static Model Parse(XDocument metadata)
        {
            static string Local(string qualified) => qualified.Split('.')[^1].TrimEnd(')');
            var types = metadata.Descendants(Edm + "EntityType").ToList();
            return new Model(
                metadata.Descendants(Edm + "EntitySet").ToDictionary(s => (string)s.Attribute("Name")!, s => Local((string)s.Attribute("EntityType")!)),
                metadata.Descendants(Edm + "Singleton").ToDictionary(s => (string)s.Attribute("Name")!, s => Local((string)s.Attribute("Type")!)),
                types.ToDictionary(t => (string)t.Attribute("Name")!, t => t.Elements(Edm + "Property").Select(p => (string)p.Attribute("Name")!).ToHashSet()),
                types.ToDictionary(t => (string)t.Attribute("Name")!, t => t.Elements(Edm + "NavigationProperty").ToDictionary(n => (string)n.Attribute("Name")!, n => Local((string)n.Attribute("Type")!))),
                types.ToDictionary(t => (string)t.Attribute("Name")!, t => t.Attribute("BaseType") is { } b ? Local((string)b) : null));
        }
    }
}
