using System.Globalization;

namespace Gatehouse.OData;

/// <summary>
/// The system query options of one request, as sent. Names are read with or without the `$` (Graph's v1.0 accepts
/// both, and Kiota's `%24filter` arrives decoded). Surfaces apply their own limits ($top range, advanced mode).
/// </summary>
internal sealed record QueryOptions(
    string? Filter,
    string? OrderBy,
    string? Select,
    string? Expand,
    string? Search,
    int? Top,
    bool Count,
    string? SkipToken)
{
    public static Outcome<QueryOptions, QueryError> Parse(IQueryCollection query)
    {
        int? top = null;
        if (Read(query, "top") is { } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return QueryError.InvalidOption($"Invalid page size specified: '{topText}'.");
            }

            top = parsed;
        }

        var count = false;
        if (Read(query, "count") is { } countText)
        {
            if (!bool.TryParse(countText, out count))
            {
                return QueryError.InvalidOption($"Invalid value '{countText}' for $count: use true or false.");
            }
        }

        return new QueryOptions(
            Read(query, "filter"),
            Read(query, "orderby"),
            Read(query, "select"),
            Read(query, "expand"),
            Read(query, "search"),
            top,
            count,
            Read(query, "skiptoken"));
    }

    private static string? Read(IQueryCollection query, string name)
    {
        var value = query.TryGetValue("$" + name, out var withDollar) ? withDollar : query.TryGetValue(name, out var plain) ? plain : default;
        return string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();
    }
}
