using System.Globalization;
using System.Text.Json;
using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// Writes rows as the Web API shows them: @odata.etag W/"versionnumber", the selected attributes (all when none
/// are), lookups as _x_value, the primary key always, the annotations the Prefer header asked for, and expanded
/// lookups as nested rows.
/// </summary>
internal sealed class RecordJson(Preferences preferences, RelatedRows related)
{
    // The server runs in globalization-invariant mode; the invariant culture groups with "," and says AM/PM like en-US.
    private static readonly CultureInfo Display = CultureInfo.InvariantCulture;

    public static string ETag(DataverseRecord record) => $"W/\"{record.VersionNumber}\"";

    public void Write(Utf8JsonWriter writer, TableDefinition table, DataverseRecord record, IReadOnlyList<string>? select, IReadOnlyList<ExpandItem> expand, string? context = null)
    {
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        writer.WriteString("@odata.etag", ETag(record));
        foreach (var column in table.Columns)
        {
            if (column.LogicalName == table.PrimaryIdAttribute || select is null || select.Contains(column.LogicalName))
            {
                WriteColumn(writer, column, column.Read(record));
            }
        }

        foreach (var lookup in table.LookupAttributes)
        {
            if (select is null || select.Contains(lookup.ValueName))
            {
                WriteLookup(writer, table, lookup, record);
            }
        }

        foreach (var item in expand)
        {
            writer.WritePropertyName(item.Lookup.NavigationName);
            var target = DataverseTables.FindByLogicalName(item.Lookup.Target)!;
            if (item.Lookup.PointsInto(record) && related.Find(target.LogicalName, item.Lookup.Read(record)!.Value) is { } row)
            {
                Write(writer, target, row, item.Select, []);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    private void WriteColumn(Utf8JsonWriter writer, ColumnDefinition column, object? value)
    {
        writer.WritePropertyName(column.LogicalName);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case Guid id: writer.WriteStringValue(id); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case DateTimeOffset instant: writer.WriteStringValue(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            default: throw new InvalidOperationException($"No JSON form for {value.GetType()}.");
        }

        if (value is not null && preferences.Wants(Preferences.FormattedValue) && Formatted(column, value) is { } formatted)
        {
            writer.WriteString($"{column.LogicalName}@{Preferences.FormattedValue}", formatted);
        }
    }

    private void WriteLookup(Utf8JsonWriter writer, TableDefinition table, LookupDefinition lookup, DataverseRecord record)
    {
        var value = lookup.Read(record);
        var pointsTo = table.Lookups.FirstOrDefault(l => l.AttributeName == lookup.AttributeName && l.PointsInto(record));
        if (value is not null && pointsTo is not null)
        {
            if (preferences.Wants(Preferences.FormattedValue) && related.Find(pointsTo.Target, value.Value) is { } targetRow
                && DataverseTables.FindByLogicalName(pointsTo.Target)!.PrimaryName(targetRow) is { } name)
            {
                writer.WriteString($"{lookup.ValueName}@{Preferences.FormattedValue}", name);
            }

            if (preferences.Wants(Preferences.AssociatedNavigationProperty))
            {
                writer.WriteString($"{lookup.ValueName}@{Preferences.AssociatedNavigationProperty}", pointsTo.NavigationName);
            }

            if (preferences.Wants(Preferences.LookupLogicalName))
            {
                writer.WriteString($"{lookup.ValueName}@{Preferences.LookupLogicalName}", pointsTo.Target);
            }
        }

        writer.WritePropertyName(lookup.ValueName);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }

    // Formatted values as Dataverse shows them to a user with the en-US locale and UTC time zone.
    private static string? Formatted(ColumnDefinition column, object value) => (column.Type, value) switch
    {
        (ColumnType.Picklist, int option) => column.Options?.GetValueOrDefault(option),
        (ColumnType.Money, decimal amount) => (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("#,##0.00", Display),
        (ColumnType.Integer, int number) => number.ToString("N0", Display),
        (ColumnType.Boolean, bool flag) => flag ? "Yes" : "No",
        (ColumnType.DateTime, DateTimeOffset instant) => instant.UtcDateTime.ToString("M/d/yyyy h:mm tt", Display),
        (ColumnType.DateOnly, DateOnly date) => date.ToString("M/d/yyyy", Display),
        _ => null,
    };
}
