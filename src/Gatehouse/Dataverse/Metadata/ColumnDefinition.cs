using System.Reflection;

namespace Gatehouse.Dataverse.Metadata;

/// <summary>
/// An attribute of a table: its logical name on the wire, the CLR property that stores it, its type, whether a
/// client may set it, its length limit and, for choices, the labels its formatted value shows.
/// </summary>
internal sealed record ColumnDefinition(
    string LogicalName,
    PropertyInfo Property,
    ColumnType Type,
    bool Writable = true,
    int MaxLength = 0,
    IReadOnlyDictionary<int, string>? Options = null)
{
    public object? Read(object record) => Property.GetValue(record);
}
