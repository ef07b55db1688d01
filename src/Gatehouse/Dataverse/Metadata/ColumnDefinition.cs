using System.Reflection;

namespace Gatehouse.Dataverse.Metadata;

/// <summary>
/// An attribute of a table: its logical name on the wire, the CLR property that stores it, its type, whether a
/// client may set it, its length limit, for choices the labels its formatted value shows and, for text with one, the
/// stored upper-invariant twin that filters and sorting use.
/// </summary>
internal sealed record ColumnDefinition(
    string LogicalName,
    PropertyInfo Property,
    ColumnType Type,
    bool Writable = true,
    int MaxLength = 0,
    IReadOnlyDictionary<int, string>? Options = null,
    PropertyInfo? Normalized = null)
{
    public object? Read(object record) => Property.GetValue(record);
}
