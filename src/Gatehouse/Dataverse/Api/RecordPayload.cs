using System.Globalization;
using System.Text.Json;
using Gatehouse.Data;
using Gatehouse.Dataverse.Metadata;
using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// Applies a create or update body to a row: writable attributes by logical name, lookups by
/// "navigation@odata.bind": "/entityset(guid)" (or null to clear), and on create the primary key. Anything else
/// is refused with the error Dataverse gives, and the row is left as the caller may not see it half-changed.
/// </summary>
internal static class RecordPayload
{
    private const string Bind = "@odata.bind";

    public static async Task<DataverseError?> ApplyAsync(
        GatehouseDb db, Guid tenantId, TableDefinition table, DataverseRecord record, JsonElement body, bool creating, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return DataverseError.Payload($"Error identified in Payload provided by the user for Entity :'{table.EntitySetName}'. The body must be a JSON object.");
        }

        foreach (var property in body.EnumerateObject())
        {
            var error = property.Name.EndsWith(Bind, StringComparison.Ordinal)
                ? await BindAsync(db, tenantId, table, record, property.Name[..^Bind.Length], property.Value, cancellationToken)
                : Set(table, record, property, creating);
            if (error is not null)
            {
                return error;
            }
        }

        if (record is Contact contact)
        {
            contact.FullName = FullName(contact.FirstName, contact.LastName);
        }
        else if (record is Lead lead)
        {
            lead.FullName = FullName(lead.FirstName, lead.LastName);
        }

        return null;
    }

    private static string? FullName(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;

    private static DataverseError? Set(TableDefinition table, DataverseRecord record, JsonProperty property, bool creating)
    {
        if (property.Name.StartsWith('@') || property.Name.Contains("@odata.", StringComparison.Ordinal))
        {
            return null;
        }

        var column = table.FindColumn(property.Name);
        if (column is null)
        {
            return DataverseError.Payload($"The property '{property.Name}' does not exist on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'. Make sure to only use property names that are defined by the type.");
        }

        var isKey = column.LogicalName == table.PrimaryIdAttribute;
        if (!column.Writable && !(isKey && creating))
        {
            return isKey && property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetGuid(out var same) && same == record.Id
                ? null
                : DataverseError.InvalidArgument($"The '{column.LogicalName}' attribute of {table.LogicalName} cannot be set.");
        }

        var value = property.Value.ValueKind == JsonValueKind.Null ? null : Convert(column, property.Value);
        if (value is null && property.Value.ValueKind != JsonValueKind.Null)
        {
            return DataverseError.Payload($"Cannot convert the literal '{property.Value.GetRawText()}' to the expected type '{column.Type.EdmType()}' of '{column.LogicalName}'. The value is not of that type.");
        }

        if (value is string text && column.MaxLength > 0 && text.Length > column.MaxLength)
        {
            return DataverseError.InvalidArgument($"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{column.MaxLength}'.");
        }

        if (column.Options is { } options && value is int option && !options.ContainsKey(option))
        {
            return DataverseError.InvalidArgument($"A validation error occurred. The value {option} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range.");
        }

        if (value is null && column.Property.PropertyType.IsValueType && Nullable.GetUnderlyingType(column.Property.PropertyType) is null)
        {
            return DataverseError.InvalidArgument($"The '{column.LogicalName}' attribute of {table.LogicalName} cannot be null.");
        }

        column.Property.SetValue(record, value);
        return null;
    }

    /// <summary>A JSON value other than null as the column's type, or null when it is not of that type.</summary>
    private static object? Convert(ColumnDefinition column, JsonElement json) => column.Type switch
    {
        ColumnType.String or ColumnType.Memo when json.ValueKind == JsonValueKind.String => json.GetString(),
        ColumnType.Integer or ColumnType.Picklist when json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var number) => number,
        ColumnType.Money when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var amount) => amount,
        ColumnType.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False => json.GetBoolean(),
        ColumnType.UniqueIdentifier when json.ValueKind == JsonValueKind.String && json.TryGetGuid(out var id) => id,
        ColumnType.DateOnly when json.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };

    private static async Task<DataverseError?> BindAsync(
        GatehouseDb db, Guid tenantId, TableDefinition table, DataverseRecord record, string navigation, JsonElement value, CancellationToken cancellationToken)
    {
        var lookup = table.FindNavigation(navigation);
        if (lookup is null || !lookup.Writable)
        {
            return DataverseError.Payload($"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload.");
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (lookup.AttributeName == "ownerid")
            {
                return DataverseError.InvalidArgument("A record must have an owner.");
            }

            lookup.Property.SetValue(record, null);
            lookup.TargetProperty?.SetValue(record, null);
            return null;
        }

        var target = DataverseTables.FindByLogicalName(lookup.Target)!;
        var reference = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var segment = reference[(reference.LastIndexOf('/') + 1)..];
        if (EntityPath.Parse(segment) is not { Succeeded: true, Value: { Id: not null } path } || path.Table != target)
        {
            return DataverseError.Payload($"The value '{reference}' of '{navigation}@odata.bind' is not a reference to a {target.LogicalName}, such as /{target.EntitySetName}(00000000-0000-0000-0000-000000000000).");
        }

        if (await target.FindAsync(db, tenantId, path.Id.Value, cancellationToken) is null)
        {
            return DataverseError.RecordNotFound(target.LogicalName, path.Id.Value);
        }

        lookup.Property.SetValue(record, path.Id.Value);
        lookup.TargetProperty?.SetValue(record, target.LogicalName);
        return null;
    }
}
