namespace Gatehouse.Dataverse.Metadata;

/// <summary>The attribute types the tables use, with the Edm type $metadata declares for each.</summary>
internal enum ColumnType
{
    UniqueIdentifier,
    String,
    Memo,
    Integer,
    BigInt,
    Money,
    Boolean,
    DateTime,
    DateOnly,
    Picklist,
}

internal static class ColumnTypes
{
    public static string EdmType(this ColumnType type) => type switch
    {
        ColumnType.UniqueIdentifier => "Edm.Guid",
        ColumnType.String or ColumnType.Memo => "Edm.String",
        ColumnType.Integer or ColumnType.Picklist => "Edm.Int32",
        ColumnType.BigInt => "Edm.Int64",
        ColumnType.Money => "Edm.Decimal",
        ColumnType.Boolean => "Edm.Boolean",
        ColumnType.DateTime => "Edm.DateTimeOffset",
        ColumnType.DateOnly => "Edm.Date",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
