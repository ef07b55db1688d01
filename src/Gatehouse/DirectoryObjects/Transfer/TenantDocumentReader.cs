using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gatehouse.DirectoryObjects.Transfer;

/// <summary>
/// Reads a tenant document as docs/tenant.schema.json describes it (the schema is written from these same types and
/// options), answering what does not fit with its JSON path: <c>$.applications[2].passwordCredentials[0].endDateTime: …</c>.
/// </summary>
internal static partial class TenantDocumentReader
{
    public static Outcome<TenantDocument, DirectoryError> Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<TenantDocument>(json, TenantDocumentJson.Options) is { } document
                ? document
                : DirectoryError.Invalid("$: not a tenant document: it is null.");
        }
        catch (JsonException e)
        {
            return DirectoryError.Invalid(Describe(e));
        }
    }

    private static string Describe(JsonException e)
    {
        var path = e.Path ?? "$";
        var message = e.Message;
        var details = message.IndexOf(" Path: ", StringComparison.Ordinal) is var cut and >= 0 ? message[..cut] : message;
        var line = e.LineNumber is { } number ? $" (line {number + 1})" : "";
        if (UnknownProperty().Match(details) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            var parent = path.EndsWith("." + name, StringComparison.Ordinal) ? path[..^(name.Length + 1)] : path;
            return $"{parent}: unknown property '{name}'{line}; the schema allows no other properties.";
        }

        if (MissingRequired().Match(details) is { Success: true } missing)
        {
            return $"{path}: missing required property {missing.Groups["names"].Value}{line}.";
        }

        if (NullNotAllowed().Match(details) is { Success: true } isNull)
        {
            return $"{path}: '{isNull.Groups["name"].Value}' must not be null{line}.";
        }

        if (NotConvertible().Match(details) is { Success: true } converted)
        {
            return $"{path}: expected {Expected(converted.Groups["type"].Value)}{line}.";
        }

        return $"{path}: not a tenant document: {details.TrimEnd('.')}{line}.";
    }

    private static string Expected(string dotnetType) => dotnetType switch
    {
        _ when dotnetType.Contains("System.Guid", StringComparison.Ordinal) => "a GUID, such as \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"",
        _ when dotnetType.Contains("System.DateTimeOffset", StringComparison.Ordinal) => "a date and time in ISO 8601, such as \"2027-01-31T00:00:00Z\"",
        _ when dotnetType.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when dotnetType.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when dotnetType.Contains("System.Byte[]", StringComparison.Ordinal) => "base64 text",
        _ when dotnetType.Contains("System.String", StringComparison.Ordinal) && !dotnetType.Contains("List", StringComparison.Ordinal) => "a string",
        _ when dotnetType.Contains("List`1", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("was missing required properties including: (?<names>.*?)\\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("^The property or field '(?<name>[^']*)' on type .* doesn't allow setting null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("^The JSON value could not be converted to (?<type>.*?)\\.?$")]
    private static partial Regex NotConvertible();
}
