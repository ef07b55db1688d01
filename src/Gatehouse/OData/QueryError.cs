namespace Gatehouse.OData;

/// <summary>Why a query option was refused. Surface-neutral: Graph and Dataverse each render it in their own error dialect.</summary>
internal sealed record QueryError(QueryErrorKind Kind, string Message, string? Property = null, string? Operator = null)
{
    public static QueryError Syntax(string option, string detail) => new(QueryErrorKind.Syntax, $"Invalid {option} clause: {detail}");

    public static QueryError UnknownProperty(string option, string property) =>
        new(QueryErrorKind.UnknownProperty, $"Could not find a property named '{property}' for {option}.", property);

    public static QueryError UnsupportedProperty(string property, string resource) =>
        new(QueryErrorKind.UnsupportedProperty, $"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.", property);

    public static QueryError UnsupportedOperator(string property, string operation, string resource) =>
        new(QueryErrorKind.UnsupportedOperator, $"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.", property, operation);

    public static QueryError RequiresAdvancedQuery(string property, string operation) =>
        new(QueryErrorKind.RequiresAdvancedQuery, $"Operator '{operation}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header.", property, operation);

    public static QueryError InvalidValue(string property, string detail) =>
        new(QueryErrorKind.InvalidValue, $"Invalid value for property '{property}': {detail}", property);

    public static QueryError InvalidOption(string detail) => new(QueryErrorKind.InvalidOption, detail);
}

internal enum QueryErrorKind
{
    /// <summary>The text does not parse as OData.</summary>
    Syntax,

    /// <summary>A name that is no property of the resource.</summary>
    UnknownProperty,

    /// <summary>A property that cannot be filtered, sorted or searched on.</summary>
    UnsupportedProperty,

    /// <summary>An operator or function the property does not support at all.</summary>
    UnsupportedOperator,

    /// <summary>An operator the property supports only as an advanced query (Graph: ConsistencyLevel eventual and $count=true).</summary>
    RequiresAdvancedQuery,

    /// <summary>A literal of the wrong type for its property.</summary>
    InvalidValue,

    /// <summary>A malformed $top, $skiptoken, $count or $orderby.</summary>
    InvalidOption,
}
