using System.Linq.Expressions;

namespace Gatehouse.OData;

/// <summary>
/// What callers may query on one resource: its name as error messages give it, and each queryable property by its
/// wire name (matched case-insensitively, as OData services match Graph's camelCase names).
/// </summary>
internal abstract class QueryMap(string resource, Type entityType)
{
    private readonly Dictionary<string, QueryProperty> properties = new(StringComparer.OrdinalIgnoreCase);

    public string Resource { get; } = resource;

    public Type EntityType { get; } = entityType;

    public IEnumerable<QueryProperty> Properties => properties.Values;

    public QueryProperty? Find(string name) => properties.GetValueOrDefault(name);

    protected void Add(QueryProperty property) => properties.Add(property.Name, property);

    /// <summary>Upper-cases a literal the way the selector's ToUpper() does in SQL, for case-insensitive text.</summary>
    public static string UpperInvariant(string value) => value.ToUpperInvariant();
}

internal sealed class QueryMap<T>(string resource, Expression<Func<T, object>> key) : QueryMap(resource, typeof(T))
{
    /// <summary>The unique key that breaks ties so that pages never overlap or skip.</summary>
    public Expression<Func<T, object>> Key { get; } = key;

    private Func<T, object>? keyOf;

    /// <summary>A row's key, as a keyset $skiptoken carries it.</summary>
    public object KeyOf(T row) => (keyOf ??= Key.Compile())(row);

    public QueryMap<T> Property<TValue>(
        string name,
        Expression<Func<T, TValue>> selector,
        FilterOperations @default,
        FilterOperations advanced = FilterOperations.None,
        Sorting sorting = Sorting.None,
        bool searchable = false,
        Func<string, string>? normalize = null,
        LambdaExpression? orderBy = null,
        bool prefixRange = false)
    {
        Add(new QueryProperty
        {
            Name = name,
            Selector = selector,
            OrderSelector = orderBy,
            Default = @default,
            Advanced = advanced,
            Sorting = sorting,
            Searchable = searchable,
            Normalize = normalize,
            PrefixRange = prefixRange,
        });
        return this;
    }

    /// <summary>A text property compared and sorted case-insensitively: as upper-cased text in SQL.</summary>
    public QueryMap<T> Text(
        string name,
        Expression<Func<T, string?>> selector,
        FilterOperations @default,
        FilterOperations advanced = FilterOperations.None,
        Sorting sorting = Sorting.None,
        bool searchable = false)
    {
        var upper = Expression.Lambda<Func<T, string?>>(
            Expression.Call(selector.Body, typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!),
            selector.Parameters);
        return Property(name, upper, @default, advanced, sorting, searchable, UpperInvariant);
    }

    /// <summary>
    /// A text property with a stored normalised twin (upper-invariant, binary collation, indexed): filters, search
    /// and $orderby use the twin, so that they ignore case and use its index.
    /// </summary>
    public QueryMap<T> Normalized(
        string name,
        Expression<Func<T, string?>> normalized,
        Func<string, string> normalize,
        FilterOperations @default,
        FilterOperations advanced = FilterOperations.None,
        Sorting sorting = Sorting.None,
        bool searchable = false) =>
        Property(name, normalized, @default, advanced, sorting, searchable, normalize, prefixRange: true);

    /// <summary>A collection of values or objects, filtered with any(); its elements support the operations given.</summary>
    public QueryMap<T> Collection<TElement>(
        string name,
        Expression<Func<T, IEnumerable<TElement>>> selector,
        FilterOperations @default,
        FilterOperations advanced = FilterOperations.None,
        QueryMap? elementMap = null)
    {
        Add(new QueryProperty
        {
            Name = name,
            Selector = selector,
            Default = @default,
            Advanced = advanced,
            ElementType = typeof(TElement),
            ElementMap = elementMap,
        });
        return this;
    }

    /// <summary>A collection of values filtered with any() through <paramref name="buildAny"/> (see <see cref="QueryProperty.BuildAny"/>).</summary>
    public QueryMap<T> Collection<TElement>(string name, Func<Expression, LambdaExpression, Expression> buildAny, FilterOperations @default)
    {
        var entity = Expression.Parameter(typeof(T));
        Add(new QueryProperty
        {
            Name = name,
            Selector = Expression.Lambda(entity, entity),
            Default = @default,
            ElementType = typeof(TElement),
            BuildAny = buildAny,
        });
        return this;
    }
}
