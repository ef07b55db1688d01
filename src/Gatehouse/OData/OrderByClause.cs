using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.OData.UriParser;

namespace Gatehouse.OData;

/// <summary>$orderby (OData 4.01 Part 2 §5.1.5): a comma list of properties, each optionally asc or desc.</summary>
internal sealed partial record OrderByClause(QueryProperty Property, bool Descending)
{
    public static Outcome<IReadOnlyList<OrderByClause>, QueryError> Parse(string? text, QueryMap map, bool advanced)
    {
        if (text is null)
        {
            return Outcome<IReadOnlyList<OrderByClause>, QueryError>.From([]);
        }

        var clauses = new List<OrderByClause>();
        foreach (var item in text.Split(','))
        {
            var match = Item().Match(item);
            if (!match.Success)
            {
                return QueryError.Syntax("orderby", $"'{item.Trim()}' is not a property name optionally followed by asc or desc.");
            }

            var name = match.Groups["name"].Value;
            if (map.Find(name) is not { } property)
            {
                return QueryError.UnknownProperty("orderby", name);
            }

            if (property.Sorting == Sorting.None || (property.Sorting == Sorting.Advanced && !advanced))
            {
                return property.Sorting == Sorting.None
                    ? new QueryError(QueryErrorKind.UnsupportedProperty, $"Sorting by property '{property.Name}' is not supported.", property.Name)
                    : QueryError.RequiresAdvancedQuery(property.Name, "orderby");
            }

            clauses.Add(new OrderByClause(property, match.Groups["direction"].Value.Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }

        return clauses;
    }

    /// <summary>
    /// $orderby as given; without one, a prefix-indexed property the filter requires (startswith or eq, not under or/not)
    /// so that the database walks that index in order and stops after the page instead of sorting every match by key.
    /// </summary>
    public static Outcome<IReadOnlyList<OrderByClause>, QueryError> ParseOrDefault(QueryOptions options, QueryMap map, bool advanced) =>
        options.OrderBy is null && options.Filter is not null && FilterTranslator.Parse(options.Filter) is { } filter && PrefixConstrained(filter, map) is { } property
            ? Outcome<IReadOnlyList<OrderByClause>, QueryError>.From([new OrderByClause(property, Descending: false)])
            : Parse(options.OrderBy, map, advanced);

    private static QueryProperty? PrefixConstrained(QueryToken token, QueryMap map) => token switch
    {
        BinaryOperatorToken { OperatorKind: BinaryOperatorKind.And } and => PrefixConstrained(and.Left, map) ?? PrefixConstrained(and.Right, map),
        BinaryOperatorToken { OperatorKind: BinaryOperatorKind.Equal, Left: EndPathToken { NextToken: null } path, Right: LiteralToken { Value: string } } =>
            PrefixIndexed(path, map),
        FunctionCallToken function when function.Name.Equals("startswith", StringComparison.OrdinalIgnoreCase)
            && function.Arguments.ToList() is [{ ValueToken: EndPathToken { NextToken: null } path }, { ValueToken: LiteralToken { Value: string } }] =>
            PrefixIndexed(path, map),
        _ => null,
    };

    private static QueryProperty? PrefixIndexed(EndPathToken path, QueryMap map) =>
        map.Find(path.Identifier) is { PrefixRange: true, IsCollection: false } property ? property : null;

    /// <summary>Sorts by the clauses, then by the key, so that every page boundary is stable.</summary>
    public static IOrderedQueryable<T> Apply<T>(IQueryable<T> source, IReadOnlyList<OrderByClause> clauses, Expression<Func<T, object>> key)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        IOrderedQueryable<T>? ordered = null;
        foreach (var clause in clauses)
        {
            var selector = Expression.Lambda(FilterTranslator.Rebind(clause.Property.OrderSelector ?? clause.Property.Selector, parameter), parameter);
            var method = (ordered is null, clause.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            ordered = (IOrderedQueryable<T>)typeof(Queryable).GetMethods()
                .Single(m => m.Name == method && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), selector.ReturnType)
                .Invoke(null, [ordered ?? source, selector])!;
        }

        var keySelector = StripBoxing(key);
        var keyMethod = ordered is null ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy);
        return (IOrderedQueryable<T>)typeof(Queryable).GetMethods()
            .Single(m => m.Name == keyMethod && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T), keySelector.ReturnType)
            .Invoke(null, [ordered ?? source, keySelector])!;
    }

    // A key written as x => (object)x.Id sorts by the GUID itself, not by a boxed object EF cannot order.
    private static LambdaExpression StripBoxing<T>(Expression<Func<T, object>> key) =>
        key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert
            ? Expression.Lambda(convert.Operand, key.Parameters)
            : key;

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)?)(\s+(?<direction>asc|desc))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Item();
}
