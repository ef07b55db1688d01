using System.Net;
using Gatehouse.Connectors;
using Gatehouse.Connectors.Api;
using Gatehouse.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Gatehouse.Tests.ApiDocs;

/// <summary>
/// The hub's and the management surface's OpenAPI documents, fetched from a running server without credentials and
/// read with Microsoft.OpenApi's reader: valid, and describing every route the hub maps.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.Server server) : IClassFixture<OpenApiDocumentTests.Server>
{
    [Fact]
    public async Task The_hub_document_describes_every_route_the_hub_maps_with_its_summary_security_and_error_shape()
    {
        var document = await ReadAsync(server, "/elements/api-v2/openapi.json");

        var described = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Method: o.Key.Method, Operation: o.Value))).ToList();
        foreach (var (pattern, methods) in HubRoutes())
        {
            var path = HubOpenApi.OpenApiPath(pattern);
            Assert.True(document.Paths.ContainsKey(path), $"{path} is mapped but not in the hub's OpenAPI document.");
            foreach (var method in methods)
            {
                Assert.Contains(described, d => d.Path == path && d.Method == method);
            }
        }

        Assert.Equal(described.Count, described.Select(d => d.Operation.OperationId).Distinct().Count());
        foreach (var (path, method, operation) in described)
        {
            Assert.False(string.IsNullOrEmpty(operation.OperationId), $"{method} {path} has no operationId.");
            Assert.False(string.IsNullOrEmpty(operation.Summary), $"{method} {path} has no summary.");
            var scheme = Assert.Single(Assert.Single(operation.Security!).Keys);
            Assert.Equal(SecuritySchemeType.ApiKey, scheme.Type);
            Assert.Equal("Authorization", scheme.Name);
            if (!path.Contains("/proxy/", StringComparison.Ordinal))
            {
                var error = operation.Responses!["401"].Content!["application/json"].Schema!;
                Assert.Equal(["message", "requestId"], error.Required!.Order(StringComparer.Ordinal));
            }
        }

        Assert.Equal("elementInstance", SchemeOf(described, "/elements/api-v2/{resource}", "GET"));
        Assert.Equal("organizationUser", SchemeOf(described, "/elements/api-v2/instances", "POST"));
        Assert.Equal("InstanceRequestBody", described.Single(d => d.Path == "/elements/api-v2/instances" && d.Method == "POST").Operation.RequestBody!.Content!["application/json"].Schema is OpenApiSchemaReference reference ? reference.Reference.Id : null);
    }

    [Fact]
    public async Task The_management_document_describes_health_the_clock_and_the_portal_api_and_nothing_of_dataverse()
    {
        var document = await ReadAsync(server, "/admin/openapi.json");

        Assert.Contains("/healthz", document.Paths.Keys);
        Assert.Contains("/ca.pem", document.Paths.Keys);
        Assert.Equal([HttpMethod.Get, HttpMethod.Post], document.Paths["/admin/clock"].Operations!.Keys.OrderBy(m => m.Method));
        Assert.Contains("/api/RegisteredApplications/{appId}/Consent", document.Paths.Keys);
        Assert.DoesNotContain(document.Paths.Keys, p => p.StartsWith("/api/data", StringComparison.Ordinal) || p.StartsWith("/elements", StringComparison.Ordinal));
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                Assert.False(string.IsNullOrEmpty(operation.Summary), $"{method} {path} has no summary: name it in ManagementOperations.");
            }
        }

        Assert.Equal(SecuritySchemeType.Http, Assert.Single(Assert.Single(document.Paths["/admin/clock"].Operations![HttpMethod.Post].Security!).Keys).Type);
        Assert.Null(document.Paths["/healthz"].Operations![HttpMethod.Get].Security);
    }

    private static string? SchemeOf(IEnumerable<(string Path, string Method, OpenApiOperation Operation)> described, string path, string method) =>
        described.Single(d => d.Path == path && d.Method == method).Operation.Security!.Single().Keys.Single() is OpenApiSecuritySchemeReference reference
            ? reference.Reference.Id
            : null;

    /// <summary>Fetched without an Authorization header, and read: no errors, OpenAPI 3.1.</summary>
    internal static async Task<OpenApiDocument> ReadAsync(Server server, string path)
    {
        var gatehouse = await server.StartedAsync();
        using var response = await gatehouse.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var read = await OpenApiDocument.LoadAsync(body, "json", new OpenApiReaderSettings(), TestContext.Current.CancellationToken);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic?.SpecificationVersion);
        return read.Document!;
    }

    /// <summary>The routes the hub maps, read from the endpoints of an app that maps only the hub, with their methods (none: any).</summary>
    private static List<(string Pattern, string[] Methods)> HubRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddConnectorHub(new HubSettings(
            new Uri("https://127.0.0.1/"), new Uri("https://127.0.0.1/"), null, "organizations", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromDays(30)));
        var app = builder.Build();
        app.MapConnectorHub();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        return endpoints.Select(e => (e.RoutePattern.RawText!, e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST", "PUT", "PATCH", "DELETE"])).ToList();
    }

    public sealed class Server : IAsyncLifetime
    {
        private Task<TokenServiceFixture>? started;

        public Task<TokenServiceFixture> StartedAsync() => started ??= TokenServiceFixture.StartAsync(TestStore.Sqlite());

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (started is { IsCompletedSuccessfully: true })
            {
                await (await started).DisposeAsync();
            }
        }
    }
}
