using System.Globalization;
using System.Text;
using Google.Protobuf;

namespace Gatehouse.Tests.Telemetry;

/// <summary>
/// One span as an OTLP collector receives it: its resource's service name, its trace, its own and its parent's span IDs
/// (hex; the parent's empty for a root span), its name, attributes and status message.
/// </summary>
public sealed record OtlpSpan(
    string ServiceName, string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes, string StatusMessage)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);
}

/// <summary>
/// Reads an OTLP/HTTP protobuf ExportTraceServiceRequest (opentelemetry-proto's trace/v1/trace.proto) field by field
/// with Google.Protobuf's wire reader, keeping what the tests look at; every other field is skipped.
/// </summary>
public static class OtlpSpans
{
    public static IReadOnlyList<OtlpSpan> Read(byte[] exportRequest)
    {
        var spans = new List<OtlpSpan>();
        // ExportTraceServiceRequest: 1 resource_spans
        foreach (var resourceSpans in Messages(exportRequest, 1))
        {
            // ResourceSpans: 1 resource, 2 scope_spans
            var service = Messages(resourceSpans, 1).SelectMany(resource => KeyValues(resource, 1)).FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                // ScopeSpans: 2 spans; Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 9 attributes, 15 status (Status: 2 message)
                foreach (var span in Messages(scopeSpans, 2))
                {
                    var attributes = KeyValues(span, 9).ToDictionary(a => a.Key, a => a.Value);
                    var status = Messages(span, 15).Select(s => Text(s, 2)).FirstOrDefault() ?? "";
                    spans.Add(new OtlpSpan(service, Hex(span, 1), Hex(span, 2), Hex(span, 4), Text(span, 5), attributes, status));
                }
            }
        }

        return spans;
    }

    private static string Text(byte[] message, int field) => Messages(message, field).Select(Encoding.UTF8.GetString).FirstOrDefault() ?? "";

    private static string Hex(byte[] message, int field) => Messages(message, field).Select(Convert.ToHexStringLower).FirstOrDefault() ?? "";

    /// <summary>The length-delimited fields numbered <paramref name="field"/> of a message, as bytes.</summary>
    private static List<byte[]> Messages(byte[] message, int field)
    {
        var found = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                found.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }

    /// <summary>KeyValue (1 key, 2 AnyValue: 1 string, 2 bool, 3 int, 4 double) fields, values written as text.</summary>
    private static IEnumerable<KeyValuePair<string, string>> KeyValues(byte[] message, int field)
    {
        foreach (var keyValue in Messages(message, field))
        {
            var key = Text(keyValue, 1);
            var value = Messages(keyValue, 2).Select(AnyValue).FirstOrDefault() ?? "";
            yield return new(key, value);
        }
    }

    private static string AnyValue(byte[] anyValue)
    {
        var input = new CodedInputStream(anyValue);
        var tag = input.ReadTag();
        return WireFormat.GetTagFieldNumber(tag) switch
        {
            1 => input.ReadString(),
            2 => input.ReadBool() ? "true" : "false",
            3 => input.ReadInt64().ToString(CultureInfo.InvariantCulture),
            4 => input.ReadDouble().ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
    }
}
