using System.Text.Json;
using Gatehouse.Tests.Connectors;
using Gatehouse.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace Gatehouse.Tests.ApiDocs;

/// <summary>
/// What the hub really answers has the properties its OpenAPI document declares, and no others: an element, an
/// instance as created (with its token) and as read, and an error.
/// </summary>
public sealed class HubSchemaTests
{
    [Theory]
    [BothStores]
    public async Task Elements_instances_and_errors_have_exactly_the_properties_their_schemas_declare(string store)
    {
        await using var scenario = await HubScenario.StartAsync(store, InstanceRefreshTests.QuickRefreshAgainstProvider);
        var document = await ReadAsync(scenario);
        var schemas = document.Components!.Schemas!;

        var (status, elements) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/elements");
        Assert.Equal(200, status);
        foreach (var element in elements.EnumerateArray())
        {
            Matches(schemas, "ElementBody", element);
        }

        var (_, created) = await scenario.Hub.JsonAsync(HttpMethod.Post, "/instances", new
        {
            element = new { key = "office365" },
            name = "described",
            configuration = new Dictionary<string, object>
            {
                ["oauth.api.key"] = scenario.App.AppId,
                ["oauth.api.secret"] = scenario.App.Secret,
                ["oauth.grant.type"] = "client_credentials",
            },
        });
        Matches(schemas, "InstanceBody", created);
        Assert.True(created.TryGetProperty("token", out _));
        var read = await scenario.Hub.GetInstanceAsync(created.GetProperty("id").GetInt64());
        Matches(schemas, "InstanceBody", read);
        Assert.False(read.TryGetProperty("token", out _));

        var (missing, error) = await scenario.Hub.JsonAsync(HttpMethod.Get, "/elements/no-such-element");
        Assert.Equal(404, missing);
        Matches(schemas, "HubErrorBody", error);
    }

    /// <summary>Every property of the answer is declared, every required one is there, and nested objects match their own schemas.</summary>
    private static void Matches(IDictionary<string, IOpenApiSchema> schemas, string name, JsonElement json)
    {
        var schema = schemas[name];
        var declared = schema.Properties!;
        var present = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(present, p => Assert.True(declared.ContainsKey(p), $"{name} does not declare '{p}', which the hub answers."));
        Assert.All(schema.Required ?? new HashSet<string>(), r => Assert.True(present.Contains(r), $"{name} requires '{r}', which the hub left out."));
        foreach (var property in json.EnumerateObject())
        {
            var propertySchema = declared[property.Name];
            if (propertySchema is OpenApiSchemaReference reference && property.Value.ValueKind == JsonValueKind.Object)
            {
                Matches(schemas, reference.Reference.Id!, property.Value);
            }
            else if (propertySchema.Items is OpenApiSchemaReference items && property.Value.ValueKind == JsonValueKind.Array)
            {
                Assert.All(property.Value.EnumerateArray(), item => Matches(schemas, items.Reference.Id!, item));
            }
        }
    }

    private static async Task<OpenApiDocument> ReadAsync(HubScenario scenario)
    {
        await using var body = await scenario.Gatehouse.Http.GetStreamAsync(new Uri("/elements/api-v2/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return (await OpenApiDocument.LoadAsync(body, "json", new Microsoft.OpenApi.Reader.OpenApiReaderSettings(), TestContext.Current.CancellationToken)).Document!;
    }
}
