using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Gatehouse.Dataverse.Metadata;

namespace Gatehouse.Dataverse.Api;

/// <summary>
/// The system query options of a Dataverse request (reference/graph-dataverse.md §6): $select, $filter, $orderby,
/// $top, $expand of lookups with a nested $select, $count and the $skiptoken of a next link. There is no $skip.
/// </summary>
internal sealed partial record QueryOptions(
    IReadOnlyList<string>? Select,
    Func<Type, LambdaExpression>? Filter,
    IReadOnlyList<(Func<Type, LambdaExpression> Key, bool Descending)> OrderBy,
    int? Top,
    IReadOnlyList<ExpandItem> Expand,
    bool Count,
    int PageNumber)
{
    /// <summary>Dataverse's default and largest page (odata.maxpagesize ≤ 5000).</summary>
    public const int MaximumPageSize = 5000;

    public static (QueryOptions? Options, DataverseError? Error) Parse(TableDefinition table, IQueryCollection query)
    {
        foreach (var key in query.Keys.Where(k => k.StartsWith('$')))
        {
            if (key is not ("$select" or "$filter" or "$orderby" or "$top" or "$expand" or "$count" or "$skiptoken"))
            {
                return (null, DataverseError.Query($"The query parameter {key} is not supported"));
            }
        }

        var (select, selectError) = ParseSelect(table, query["$select"]);
        if (selectError is not null)
        {
            return (null, selectError);
        }

        Func<Type, LambdaExpression>? filter = null;
        if (query["$filter"].ToString() is { Length: > 0 } filterText)
        {
            var (parsed, filterError) = DataverseFilter.Parse(table, filterText);
            if (filterError is not null)
            {
                return (null, filterError);
            }

            filter = parsed;
        }

        var (orderBy, orderError) = ParseOrderBy(table, query["$orderby"]);
        if (orderError is not null)
        {
            return (null, orderError);
        }

        int? top = null;
        if (query["$top"].ToString() is { Length: > 0 } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var topValue))
            {
                return (null, DataverseError.Query($"Invalid value '{topText}' for $top query option found. The $top query option requires a non-negative integer value."));
            }

            top = Math.Min(topValue, MaximumPageSize);
        }

        var (expand, expandError) = ParseExpand(table, query["$expand"]);
        if (expandError is not null)
        {
            return (null, expandError);
        }

        var countText = query["$count"].ToString();
        if (countText.Length > 0 && countText is not ("true" or "false"))
        {
            return (null, DataverseError.Query($"'{countText}' is not a valid count option."));
        }

        var pageNumber = 1;
        if (query["$skiptoken"].ToString() is { Length: > 0 } skipToken)
        {
            var match = PagingCookie().Match(skipToken);
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1)
            {
                return (null, DataverseError.Query("The $skiptoken is not a paging cookie this service issued."));
            }
        }

        return (new QueryOptions(select, filter, orderBy, top, expand, countText == "true", pageNumber), null);
    }

    /// <summary>The $skiptoken of the page after <paramref name="pageNumber"/>: a paging cookie, as Dataverse's next links carry.</summary>
    public static string NextSkipToken(int pageNumber) => $"<cookie pagenumber=\"{pageNumber + 1}\" istracking=\"False\" />";

    private static (IReadOnlyList<string>? Select, DataverseError? Error) ParseSelect(TableDefinition table, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            if (table.FindColumn(name) is null && table.LookupAttributes.All(l => l.ValueName != name))
            {
                return (null, DataverseError.UnknownProperty(table.LogicalName, name));
            }
        }

        return (names, null);
    }

    private static (IReadOnlyList<(Func<Type, LambdaExpression>, bool)> OrderBy, DataverseError? Error) ParseOrderBy(TableDefinition table, string? text)
    {
        var keys = new List<(Func<Type, LambdaExpression>, bool)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (keys, null);
        }

        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
            {
                return (keys, DataverseError.Query($"Syntax error at position {text.IndexOf(item, StringComparison.Ordinal) + item.Length} in '{text}'."));
            }

            var property = table.FindColumn(parts[0])?.Property ?? table.LookupAttributes.FirstOrDefault(l => l.ValueName == parts[0])?.Property;
            if (property is null)
            {
                return (keys, DataverseError.UnknownProperty(table.LogicalName, parts[0]));
            }

            keys.Add((type => PropertyLambda(type, property.Name), parts.Length == 2 && parts[1] == "desc"));
        }

        return (keys, null);
    }

    private static (IReadOnlyList<ExpandItem> Expand, DataverseError? Error) ParseExpand(TableDefinition table, string? text)
    {
        var items = new List<ExpandItem>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (items, null);
        }

        foreach (var term in SplitTopLevel(text))
        {
            var open = term.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? term : term[..open]).Trim();
            if (table.FindNavigation(name) is not { } lookup)
            {
                return (items, DataverseError.UnknownProperty(table.LogicalName, name));
            }

            IReadOnlyList<string>? select = null;
            if (open >= 0)
            {
                if (!term.EndsWith(')'))
                {
                    return (items, DataverseError.Query($"Syntax error: missing ')' in $expand '{text}'."));
                }

                foreach (var option in term[(open + 1)..^1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!option.StartsWith("$select=", StringComparison.Ordinal))
                    {
                        return (items, DataverseError.Query($"The $expand option '{option}' is not supported; only $select is."));
                    }

                    var target = DataverseTables.FindByLogicalName(lookup.Target)!;
                    var (nested, error) = ParseSelect(target, option["$select=".Length..]);
                    if (error is not null)
                    {
                        return (items, error);
                    }

                    select = nested;
                }
            }

            items.Add(new ExpandItem(lookup, select));
        }

        return (items, null);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static LambdaExpression PropertyLambda(Type type, string property)
    {
        var row = Expression.Parameter(type, "row");
        return Expression.Lambda(Expression.Property(row, property), row);
    }

    [GeneratedRegex("""^<cookie pagenumber="(\d{1,9})"[^>]*/>$""")]
    private static partial Regex PagingCookie();
}

/// <summary>A lookup to expand into its row, with the attributes to show of it.</summary>
internal sealed record ExpandItem(LookupDefinition Lookup, IReadOnlyList<string>? Select);
