using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Gatehouse.DirectoryObjects.Transfer;
using Gatehouse.Tests.Infrastructure;
using Json.Schema;

namespace Gatehouse.Tests.Cli;

/// <summary>
/// docs/tenant.schema.json is what the tenant document's types accept, written by System.Text.Json's schema exporter
/// from those types and the options import reads with; exports validate against it, and what it refuses import refuses
/// too, naming the same JSON path.
/// </summary>
public sealed class TenantDocumentSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Root, "docs", "tenant.schema.json");

    [Fact]
    public void Published_schema_is_the_one_the_document_types_describe()
    {
        var generated = Generate();
        var published = File.Exists(SchemaPath) ? File.ReadAllText(SchemaPath) : "";
        if (generated != published)
        {
            var written = Path.Combine(Path.GetTempPath(), "tenant.schema.json");
            File.WriteAllText(written, generated);
            Assert.Fail($"docs/tenant.schema.json differs from the schema of TenantDocument's types; the generated schema is in {written}.");
        }
    }

    [Theory]
    [BothStores]
    public async Task Export_validates_against_the_published_schema(string kind)
    {
        using var store = TestStore.Create(kind);
        await SampleTenant.BuildAsync(store);

        var exported = await GatehouseCli.ExportAsync(store);

        var results = Evaluate(exported);
        Assert.True(results.IsValid, string.Join("\n", Errors(results)));
    }

    [Theory]
    [BothStores]
    public async Task Document_the_schema_refuses_is_refused_with_its_json_path_and_changes_nothing(string kind)
    {
        using var store = TestStore.Create(kind);
        await SampleTenant.BuildAsync(store);
        var before = await GatehouseCli.ExportAsync(store);
        (string Document, string Path)[] refused =
        [
            (SampleTenant.Edit(before, d => SampleTenant.Payroll(d)["passwordCredentials"]![0]!["endDateTime"] = "31/12/2027"), "$.applications[1].passwordCredentials[0].endDateTime"),
            (SampleTenant.Edit(before, d => d["users"]![0]!["accountEnabled"] = "yes"), "$.users[0].accountEnabled"),
            (SampleTenant.Edit(before, d => d["tenant"]!["id"] = "not-a-guid"), "$.tenant.id"),
            (SampleTenant.Edit(before, d => d["groups"]![0]!["colour"] = "blue"), "$.groups[0]"),
            (SampleTenant.Edit(before, d => d["users"]![0]!.AsObject().Remove("userPrincipalName")), "$.users[0]"),
            (SampleTenant.Edit(before, d => d["applications"] = new JsonObject()), "$.applications"),
        ];

        foreach (var (document, path) in refused)
        {
            Assert.False(Evaluate(document).IsValid, $"the schema accepts the document refused at {path}");
            var refusal = await GatehouseCli.RefusedAsync(store, "tenant", "import", store.WriteFile("refused.json", document));
            Assert.StartsWith(path + ":", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await GatehouseCli.ExportAsync(store));
    }

    /// <summary>The schema of <see cref="TenantDocument"/> as the serializer reads it, under a draft 2020-12 header.</summary>
    private static string Generate()
    {
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(TenantDocumentJson.Options, typeof(TenantDocument),
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Gatehouse tenant document (" + TenantDocument.CurrentSchema + ")",
            ["description"] = "A whole tenant as `gatehouse tenant export` writes it and `gatehouse tenant import` reads it. Generated from the document's types; README.md, \"The tenant document\", explains each part.",
        };
        foreach (var (name, value) in exported.ToList())
        {
            exported.Remove(name);
            schema[name] = value;
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static EvaluationResults Evaluate(string document)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));
        using var instance = JsonDocument.Parse(document);
        return schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
