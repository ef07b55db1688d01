using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Connectors.Instances;

/// <summary>The body of POST /instances and PUT/PATCH /instances/{id} (docs/protocol/connectors.md §3), every part optional.</summary>
internal sealed record InstanceRequest(
    string? ElementKey,
    string? Name,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string> Configuration,
    string? Code,
    bool ExternalAuthentication)
{
    /// <summary>The request, or the reason its JSON is not an instance.</summary>
    public static Outcome<InstanceRequest, string> Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return "The body must be a JSON object.";
        }

        string? elementKey = null;
        if (body.TryGetProperty("element", out var element))
        {
            elementKey = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                ? key.GetString()
                : null;
            if (elementKey is null)
            {
                return "element must be an object with a key, for example {\"key\": \"office365\"}.";
            }
        }

        var configuration = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("configuration", out var config))
        {
            if (config.ValueKind != JsonValueKind.Object)
            {
                return "configuration must be an object of keys and values.";
            }

            foreach (var property in config.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => "",
                };
                if (value == "")
                {
                    return $"configuration.{property.Name} must be a string, a number or a boolean.";
                }

                if (value is not null)
                {
                    configuration[property.Name] = value;
                }
            }
        }

        List<string>? tags = null;
        if (body.TryGetProperty("tags", out var tagArray))
        {
            if (tagArray.ValueKind != JsonValueKind.Array || tagArray.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                return "tags must be an array of strings.";
            }

            tags = [.. tagArray.EnumerateArray().Select(t => t.GetString()!)];
        }

        string? code = null;
        if (body.TryGetProperty("providerData", out var providerData))
        {
            code = providerData.ValueKind == JsonValueKind.Object && providerData.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                ? c.GetString()
                : null;
        }

        var name = body.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var external = body.TryGetProperty("externalAuthentication", out var ext)
            && ext.ValueKind == JsonValueKind.String && string.Equals(ext.GetString(), "initial", StringComparison.OrdinalIgnoreCase);
        return new InstanceRequest(elementKey, name, tags, configuration, code, external);
    }

    public string? Get(string key) => Configuration.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public bool? GetBoolean(string key) => Get(key) is { } value ? bool.TryParse(value, out var parsed) && parsed : null;

    public DateTimeOffset? GetInstant(string key) =>
        Get(key) is { } value && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
}
